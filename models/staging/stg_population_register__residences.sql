with

source_residences as (

    select * from {{ source('population_register', 'residences') }}

),

renamed as (

    select
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        cast(address_id as {{ dbt.type_string() }}) as address_id,
        cast(valid_from as date) as valid_from_date,
        cast(valid_to as date) as valid_to_date
    from source_residences

)

select * from renamed
