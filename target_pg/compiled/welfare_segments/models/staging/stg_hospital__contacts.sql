with

source_contacts as (

    select * from "welfare"."raw"."hospital_contacts"

),

parsed as (

    select
        source_row_number,
        cast(contact_id as TEXT) as contact_id,
        person_id as source_person_id,
        lower(trim(hospital_sector)) as hospital_sector,
        lower(trim(contact_type)) as contact_type,
        cast(is_acute as boolean) as is_acute,
        public.welfare_try_date(cast(start_date as text)) as start_date,
        public.welfare_try_date(cast(end_date as text)) as end_date,
        public.welfare_try_double(cast(tariff_amount as text)) as tariff_amount,
        upper(trim(primary_diagnosis)) as primary_diagnosis_code,
        nullif(upper(trim(secondary_diagnosis)), '') as secondary_diagnosis_code
    from source_contacts

),

final as (

    select
        source_row_number,
        contact_id,
        left(encode(public.hmac(
        cast(source_person_id as text),
        coalesce(
            nullif(current_setting('welfare.pseudonym_key', true), ''),
            'welfare-segments-synthetic-demo-key'
        ),
        'sha256'
    ), 'hex'), 32) as person_id,
        coalesce(
            (source_person_id ~ '^[0-9]{10}$'), false
        ) as has_valid_person_id,
        hospital_sector,
        contact_type,
        -- the catalogue's regional entries, e.g. region.somatic_admission
        'region.' || hospital_sector || '_' || contact_type as function_number,
        is_acute,
        start_date,
        end_date,
        cast(extract(year from start_date) as integer) as contact_year,
        tariff_amount,
        primary_diagnosis_code,
        secondary_diagnosis_code,
        coalesce(
            (primary_diagnosis_code ~ '^[A-Z][0-9]{2}([.][0-9A-Z]{1,4})?$'), false
        )
        and (
            secondary_diagnosis_code is null
            or (secondary_diagnosis_code ~ '^[A-Z][0-9]{2}([.][0-9A-Z]{1,4})?$')
        ) as has_valid_diagnoses
    from parsed

)

select * from final