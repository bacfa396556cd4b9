with

source_addresses as (

    select * from {{ source('population_register', 'addresses') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'address_id',
            'municipality_code',
            'address_kind',
        ]) }} as row_content_hash
    from source_addresses

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        {{ pseudonymise_address('address_id') }} as address_id,
        trim(municipality_code) as municipality_code,
        lower(trim(address_kind)) as address_kind,
        lower(trim(address_kind)) = 'residential_institution'
            as is_residential_institution,
        lower(trim(address_kind)) = 'no_fixed_address' as is_no_fixed_address
    from content_hashed

)

select * from renamed
