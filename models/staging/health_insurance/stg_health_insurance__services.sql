with

source_services as (

    select * from {{ source('health_insurance', 'health_insurance_services') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'service_id',
            'person_id',
            'provider_type',
            'service_date',
            'fee_amount',
        ]) }} as row_content_hash
    from source_services

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        cast(service_id as {{ dbt.type_string() }}) as service_id,
        {{ pseudonymise('person_id') }} as person_id,
        coalesce(
            {{ matches_pattern('person_id', var('person_id_pattern')) }}, false
        ) as has_valid_person_id,
        lower(trim(provider_type)) as provider_type,
        -- the catalogue's regional entries, e.g. region.own_gp
        {{ dbt.concat(["'region.'", "lower(trim(provider_type))"]) }}
            as function_number,
        {{ dbt.safe_cast('service_date', 'date') }} as service_date,
        cast(
            extract(year from {{ dbt.safe_cast('service_date', 'date') }})
            as integer
        ) as service_year,
        {{ to_money(
            'fee_amount',
            source('health_insurance', 'health_insurance_services')
        ) }} as fee_amount,
        {{ number_issue(
            'fee_amount', source('health_insurance', 'health_insurance_services'), 'amount', var('max_abs_amount')
        ) }} as amount_issue,
        {{ number_beyond_bound(
            'fee_amount', source('health_insurance', 'health_insurance_services'), var('max_abs_amount')
        ) }} as amount_beyond_bound
    from content_hashed

)

select * from renamed
