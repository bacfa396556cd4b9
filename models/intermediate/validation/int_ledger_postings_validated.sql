-- Every ledger posting with every reason it cannot be used, if any. Rejected
-- postings keep their amount: the reconciliation counts them as quarantined.
-- Incremental by booking month: a monthly run validates only the new months.
{{ config(**monthly_incremental_config()) }}

with

stg_ledger__postings as (

    select * from {{ ref('stg_ledger__postings') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

{{ monthly_new_rows(
    'stg_ledger__postings', 'posting_id', 'booking_date', 'booking_month'
) }}

postings_checked as (

    select
        new_rows.*,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        function_catalogue.function_number is not null as is_known_function,
        (
            new_rows.is_pooled
            or int_persons_registered.person_id is not null
        ) as is_known_person,
        {{ is_repeated_key() }} as is_repeated_key
    from new_rows
    left join first_occurrences
        on new_rows.posting_id = first_occurrences.posting_id
    left join int_analysis_years
        on new_rows.booking_year = int_analysis_years.analysis_year
    left join function_catalogue
        on
            new_rows.function_number
            = function_catalogue.function_number
    left join int_persons_registered
        on new_rows.person_id = int_persons_registered.person_id

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('has_valid_person_id and not is_known_person', 'unknown_person_id'),
            ('not is_known_function', 'unknown_function_number'),
            ('is_repeated_key', 'duplicate_key'),
            ('amount is null and amount_issue is null', 'invalid_amount'),
            ('has_invalid_refund', 'invalid_refund'),
            ('amount_issue = \'non_finite_amount\'', 'non_finite_amount'),
            ('amount_issue = \'amount_out_of_bounds\'', 'amount_out_of_bounds'),
            ('amount_issue = \'ambiguous_amount_format\'',
             'ambiguous_amount_format'),
            ('booking_date is null', 'invalid_booking_date'),
            ('booking_date is not null and not is_in_analysis_years',
             'booking_date_outside_analysis_years'),
        ]) }} as reason_list
    from postings_checked

),

final as (

    select
        row_key,
        source_row_number,
        posting_id,
        booking_date,
        booking_date_text,
        booking_year,
        is_in_analysis_years,
        function_number,
        cost_centre,
        amount,
        amount_text,
        amount_beyond_bound,
        account_grouping,
        statutory_refund_amount,
        expensive_case_refund_amount,
        -- net amount plus the refunds netted out of it
        amount + statutory_refund_amount + expensive_case_refund_amount
            as gross_amount,
        statutory_refund_amount_text,
        expensive_case_refund_amount_text,
        person_id,
        source_system,
        is_pooled,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected,
        '{{ invocation_id }}' as dbt_invocation_id,
        -- the key this row was pseudonymised with (check_pseudonym_key)
        {{ key_fingerprint() }} as key_fingerprint,
        -- the seeds it was built with (a change refuses an incremental run)
        '{{ reference_fingerprint(model.unique_id) }}' as reference_fingerprint,
        -- last: Spark's partition column
        booking_month
    from reasons_listed

)

select * from final
