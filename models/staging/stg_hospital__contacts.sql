with

source_contacts as (

    select * from {{ source('hospital', 'hospital_contacts') }}

),

renamed as (

    select
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        lower(trim(hospital_sector)) as hospital_sector,
        lower(trim(contact_type)) as contact_type,
        -- the catalogue's regional entries, e.g. region.somatic_admission
        {{ dbt.concat([
            "'region.'",
            "lower(trim(hospital_sector))",
            "'_'",
            "lower(trim(contact_type))",
        ]) }} as function_number,
        cast(is_acute as boolean) as is_acute,
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date,
        cast(extract(year from start_date) as integer) as contact_year,
        cast(tariff_amount as {{ type_double() }}) as tariff_amount,
        upper(trim(primary_diagnosis)) as primary_diagnosis_code,
        upper(trim(secondary_diagnosis)) as secondary_diagnosis_code
    from source_contacts

)

select * from renamed
