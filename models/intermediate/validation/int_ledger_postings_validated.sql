-- Every ledger posting with every reason it cannot be used, if any. Rejected
-- postings keep their amount: the reconciliation counts them as quarantined.
-- Incremental by booking month: a monthly run validates only the new months.
{{ config(**monthly_incremental_config()) }}

with

stg_ledger__postings as (

    select * from {{ ref('stg_ledger__postings') }}

),

stg_population_register__persons as (

    select * from {{ ref('stg_population_register__persons') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

known_persons as (

    select distinct person_id
    from stg_population_register__persons

),

first_occurrences as (

    -- over every posting of the extract, also in an incremental run, so a
    -- key repeated from an earlier month is still a duplicate
    select
        posting_id,
        min(source_row_number) as first_row_number
    from stg_ledger__postings
    group by posting_id

),

postings_to_validate as (

    select
        *,
        {{ booking_month('booking_date') }} as booking_month
    from stg_ledger__postings

),

new_postings as (

    select * from postings_to_validate
    {{ new_months_only('booking_month') }}

),

postings_checked as (

    select
        new_postings.*,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        function_catalogue.function_number is not null as is_known_function,
        (
            new_postings.is_pooled
            or known_persons.person_id is not null
        ) as is_known_person,
        new_postings.source_row_number > coalesce(
            first_occurrences.first_row_number, new_postings.source_row_number
        ) as is_repeated_key
    from new_postings
    left join first_occurrences
        on new_postings.posting_id = first_occurrences.posting_id
    left join int_analysis_years
        on new_postings.booking_year = int_analysis_years.analysis_year
    left join function_catalogue
        on
            new_postings.function_number
            = function_catalogue.function_number
    left join known_persons
        on new_postings.person_id = known_persons.person_id

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('has_valid_person_id and not is_known_person', 'unknown_person_id'),
            ('not is_known_function', 'unknown_function_number'),
            ('is_repeated_key', 'duplicate_key'),
            ('amount is null', 'invalid_amount'),
            ('booking_date is null', 'invalid_booking_date'),
            ('booking_date is not null and not is_in_analysis_years',
             'booking_date_outside_analysis_years'),
        ]) }} as reason_list
    from postings_checked

),

final as (

    select
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
        person_id,
        source_system,
        is_pooled,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected,
        '{{ invocation_id }}' as dbt_invocation_id,
        -- last: Spark's partition column
        booking_month
    from reasons_listed

)

select * from final
