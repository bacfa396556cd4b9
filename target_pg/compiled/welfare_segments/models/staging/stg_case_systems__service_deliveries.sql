with

source_deliveries as (

    select * from "welfare"."raw"."service_deliveries"

),

renamed as (

    select
        source_row_number,
        cast(delivery_id as TEXT) as delivery_id,
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
        trim(function_number) as function_number,
        trim(cost_centre) as cost_centre,
        service_name,
        public.welfare_try_date(cast(period_start as text)) as period_start_date,
        public.welfare_try_date(cast(period_end as text)) as period_end_date,
        public.welfare_try_double(cast(activity_units as text)) as activity_units,
        lower(trim(activity_unit)) as activity_unit
    from source_deliveries

)

select * from renamed