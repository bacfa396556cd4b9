with

source_deliveries as (

    select * from {{ source('case_systems', 'service_deliveries') }}

),

renamed as (

    select
        cast(delivery_id as {{ dbt.type_string() }}) as delivery_id,
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        trim(function_number) as function_number,
        trim(cost_centre) as cost_centre,
        service_name,
        cast(period_start as date) as period_start_date,
        cast(period_end as date) as period_end_date,
        cast(activity_units as {{ type_double() }}) as activity_units,
        lower(trim(activity_unit)) as activity_unit
    from source_deliveries

)

select * from renamed
