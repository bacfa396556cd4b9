with

source_contacts as (

    select * from {{ source('hospital', 'hospital_contacts') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'contact_id',
            'person_id',
            'hospital_sector',
            'contact_type',
            'is_acute',
            'start_date',
            'end_date',
            'tariff_amount',
            'primary_diagnosis',
            'secondary_diagnosis',
        ]) }} as row_content_hash
    from source_contacts

),

parsed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        person_id as source_person_id,
        lower(trim(hospital_sector)) as hospital_sector,
        lower(trim(contact_type)) as contact_type,
        cast(is_acute as boolean) as is_acute,
        {{ dbt.safe_cast('start_date', 'date') }} as start_date,
        {{ dbt.safe_cast('end_date', 'date') }} as end_date,
        {{ to_money(
            'tariff_amount', source('hospital', 'hospital_contacts')
        ) }} as tariff_amount,
        {{ number_issue(
            'tariff_amount', source('hospital', 'hospital_contacts'), 'amount', var('max_abs_amount')
        ) }} as amount_issue,
        {{ number_beyond_bound(
            'tariff_amount', source('hospital', 'hospital_contacts'), var('max_abs_amount')
        ) }} as amount_beyond_bound,
        upper(trim(primary_diagnosis)) as primary_diagnosis_code,
        nullif(upper(trim(secondary_diagnosis)), '') as secondary_diagnosis_code
    from content_hashed

),

final as (

    select
        source_row_number,
        row_key,
        contact_id,
        {{ pseudonymise('source_person_id') }} as person_id,
        coalesce(
            {{ matches_pattern('source_person_id', var('person_id_pattern')) }},
            false
        ) as has_valid_person_id,
        hospital_sector,
        contact_type,
        -- the catalogue's regional entries, e.g. region.somatic_admission
        {{ dbt.concat([
            "'region.'",
            "hospital_sector",
            "'_'",
            "contact_type",
        ]) }} as function_number,
        is_acute,
        start_date,
        end_date,
        cast(extract(year from start_date) as integer) as contact_year,
        tariff_amount,
        amount_issue,
        amount_beyond_bound,
        primary_diagnosis_code,
        secondary_diagnosis_code,
        coalesce(
            {{ matches_pattern(
                'primary_diagnosis_code', var('icd10_pattern')
            ) }}, false
        )
        and (
            secondary_diagnosis_code is null
            or {{ matches_pattern(
                'secondary_diagnosis_code', var('icd10_pattern')
            ) }}
        ) as has_valid_diagnoses
    from parsed

)

select * from final
