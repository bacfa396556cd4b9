with

source_deliveries as (

    select * from {{ source('case_systems', 'service_deliveries') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'delivery_id',
            'person_id',
            'function_number',
            'cost_centre',
            'service_name',
            'period_start',
            'period_end',
            'activity_units',
            'activity_unit',
            'grouping',
            'legal_basis',
            'provider_type',
            'department',
        ]) }} as row_content_hash
    from source_deliveries

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        cast(delivery_id as {{ dbt.type_string() }}) as delivery_id,
        {{ pseudonymise('person_id') }} as person_id,
        coalesce(
            {{ matches_pattern('person_id', var('person_id_pattern')) }}, false
        ) as has_valid_person_id,
        trim(function_number) as function_number,
        trim(cost_centre) as cost_centre,
        service_name,
        {{ dbt.safe_cast('period_start', 'date') }} as period_start_date,
        {{ dbt.safe_cast('period_end', 'date') }} as period_end_date,
        {{ usable_number(
            'activity_units', source('case_systems', 'service_deliveries'), var('max_activity_units')
        ) }} as activity_units,
        {{ number_issue(
            'activity_units', source('case_systems', 'service_deliveries'),
            'activity_units', var('max_activity_units')
        ) }} as activity_units_issue,
        cast(activity_units as {{ dbt.type_string() }}) as activity_units_text,
        lower(trim(activity_unit)) as activity_unit,
        nullif(trim(grouping), '') as account_grouping,
        nullif(trim(legal_basis), '') as legal_basis,
        nullif(lower(trim(provider_type)), '') as provider_type,
        nullif(trim(department), '') as department
    from content_hashed

)

select * from renamed
