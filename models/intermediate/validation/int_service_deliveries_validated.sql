-- Every service delivery with every reason it cannot be used, if any. A
-- rejected delivery is no recipient of a pool.
with

stg_case_systems__service_deliveries as (

    select * from {{ ref('stg_case_systems__service_deliveries') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

deliveries_checked as (

    select
        stg_case_systems__service_deliveries.*,
        function_catalogue.function_number is not null as is_known_function,
        int_persons_registered.person_id is not null as is_known_person,
        row_number() over (
            partition by stg_case_systems__service_deliveries.delivery_id
            order by stg_case_systems__service_deliveries.row_key
        ) as key_occurrence
    from stg_case_systems__service_deliveries
    left join function_catalogue
        on
            stg_case_systems__service_deliveries.function_number
            = function_catalogue.function_number
    left join int_persons_registered
        on
            stg_case_systems__service_deliveries.person_id
            = int_persons_registered.person_id

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('has_valid_person_id and not is_known_person', 'unknown_person_id'),
            ('not is_known_function', 'unknown_function_number'),
            ('key_occurrence > 1', 'duplicate_key'),
            ('period_start_date is null or period_end_date is null',
             'invalid_period_date'),
            ('period_end_date < period_start_date', 'period_end_before_start'),
            ('activity_units <= 0', 'non_positive_activity_units'),
            ('activity_units_issue = \'non_finite_activity_units\'', 'non_finite_activity_units'),
            ('activity_units_issue = \'activity_units_out_of_bounds\'', 'activity_units_out_of_bounds'),
            ('activity_units_issue = \'ambiguous_amount_format\'',
             'ambiguous_amount_format'),
        ]) }} as reason_list
    from deliveries_checked

),

final as (

    select
        row_key,
        source_row_number,
        delivery_id,
        person_id,
        function_number,
        cost_centre,
        service_name,
        period_start_date,
        period_end_date,
        activity_units,
        activity_unit,
        account_grouping,
        legal_basis,
        provider_type,
        department,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
