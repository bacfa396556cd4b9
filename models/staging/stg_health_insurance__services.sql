with

source_services as (

    select * from {{ source('health_insurance', 'health_insurance_services') }}

),

renamed as (

    select
        cast(service_id as {{ dbt.type_string() }}) as service_id,
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        lower(trim(provider_type)) as provider_type,
        -- the function catalogue's regional entries, e.g. region.own_gp
        {{ dbt.concat(["'region.'", "lower(trim(provider_type))"]) }}
            as function_number,
        cast(service_date as date) as service_date,
        cast(extract(year from service_date) as integer) as service_year,
        cast(fee_amount as {{ type_double() }}) as fee_amount
    from source_services

)

select * from renamed
