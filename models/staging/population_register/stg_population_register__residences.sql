with

source_residences as (

    select * from {{ source('population_register', 'residences') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'person_id',
            'address_id',
            'valid_from',
            'valid_to',
        ]) }} as row_content_hash
    from source_residences

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        {{ pseudonymise('person_id') }} as person_id,
        {{ pseudonymise_address('address_id') }} as address_id,
        {{ dbt.safe_cast('valid_from', 'date') }} as valid_from_date,
        {{ dbt.safe_cast('valid_to', 'date') }} as valid_to_date
    from content_hashed

)

select * from renamed
