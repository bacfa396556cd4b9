-- Every health-insurance service with every reason it cannot be used, if
-- any. A rejected service keeps its fee: the reconciliation counts it as
-- quarantined.
-- Incremental by month, like the ledger's validated postings.
{{ config(**monthly_incremental_config('service_month')) }}

with

stg_health_insurance__services as (

    select * from {{ ref('stg_health_insurance__services') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_citizens_during_years as (

    select * from {{ ref('int_citizens_during_years') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

{{ monthly_new_rows(
    'stg_health_insurance__services', 'service_id', 'service_date', 'service_month'
) }}

services_checked as (

    select
        new_rows.*,
        function_catalogue.function_number is not null as is_known_function,
        int_persons_registered.person_id is not null as is_known_person,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        int_citizens_during_years.person_id is not null
            as is_citizen_during_year,
        {{ is_repeated_key() }} as is_repeated_key
    from new_rows
    left join first_occurrences
        on new_rows.service_id = first_occurrences.service_id
    left join function_catalogue
        on
            new_rows.function_number
            = function_catalogue.function_number
    left join int_persons_registered
        on new_rows.person_id = int_persons_registered.person_id
    left join int_analysis_years
        on
            new_rows.service_year
            = int_analysis_years.analysis_year
    left join int_citizens_during_years
        on
            new_rows.person_id
            = int_citizens_during_years.person_id
            and new_rows.service_year
            = int_citizens_during_years.analysis_year

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('has_valid_person_id and not is_known_person', 'unknown_person_id'),
            ('service_date is not null and not is_in_analysis_years',
             'date_outside_analysis_years'),
            ('is_known_person and is_in_analysis_years '
             ~ 'and not is_citizen_during_year', 'person_not_resident'),
            ('not is_known_function', 'unknown_function_number'),
            ('is_repeated_key', 'duplicate_key'),
            ('service_date is null', 'invalid_period_date'),
            ('fee_amount is null and amount_issue is null', 'invalid_amount'),
            ('amount_issue = \'non_finite_amount\'', 'non_finite_amount'),
            ('amount_issue = \'amount_out_of_bounds\'', 'amount_out_of_bounds'),
            ('amount_issue = \'ambiguous_amount_format\'',
             'ambiguous_amount_format'),
        ]) }} as reason_list
    from services_checked

),

final as (

    select
        row_key,
        source_row_number,
        service_id,
        person_id,
        provider_type,
        function_number,
        service_date,
        service_year,
        is_in_analysis_years,
        fee_amount,
        amount_beyond_bound,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected,
        '{{ invocation_id }}' as dbt_invocation_id,
        -- the key this row was pseudonymised with (check_pseudonym_key)
        {{ key_fingerprint() }} as key_fingerprint,
        -- the seeds it was built with (a change refuses an incremental run)
        '{{ reference_fingerprint(model.unique_id) }}' as reference_fingerprint,
        -- last: Spark's partition column
        service_month
    from reasons_listed

)

select * from final
