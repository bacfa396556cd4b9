with

source_services as (

    select * from "welfare"."raw"."health_insurance_services"

),

renamed as (

    select
        source_row_number,
        cast(service_id as TEXT) as service_id,
        left(encode(public.hmac(
        cast(person_id as text),
        coalesce(
            nullif(current_setting('welfare.pseudonym_key', true), ''),
            'welfare-segments-synthetic-demo-key'
        ),
        'sha256'
    ), 'hex'), 32) as person_id,
        coalesce(
            (person_id ~ '^[0-9]{10}$'), false
        ) as has_valid_person_id,
        lower(trim(provider_type)) as provider_type,
        -- the catalogue's regional entries, e.g. region.own_gp
        'region.' || lower(trim(provider_type))
            as function_number,
        public.welfare_try_date(cast(service_date as text)) as service_date,
        cast(
            extract(year from public.welfare_try_date(cast(service_date as text)))
            as integer
        ) as service_year,
        public.welfare_try_double(cast(fee_amount as text)) as fee_amount
    from source_services

)

select * from renamed