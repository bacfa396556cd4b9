with

source_persons as (

    select * from {{ source('population_register', 'persons') }}

),

renamed as (

    select
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        cast(birth_date as date) as birth_date,
        upper(trim(sex)) as sex,
        cast(death_date as date) as death_date
    from source_persons

)

select * from renamed
