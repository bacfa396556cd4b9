with

source_residences as (

    select * from {{ source('population_register', 'residences') }}

),

renamed as (

    select
        source_row_number,
        {{ row_key([
            'person_id',
            'address_id',
            'valid_from',
            'valid_to',
        ]) }} as row_key,
        {{ pseudonymise('person_id') }} as person_id,
        {{ pseudonymise_address('address_id') }} as address_id,
        {{ dbt.safe_cast('valid_from', 'date') }} as valid_from_date,
        {{ dbt.safe_cast('valid_to', 'date') }} as valid_to_date
    from source_residences

)

select * from renamed
