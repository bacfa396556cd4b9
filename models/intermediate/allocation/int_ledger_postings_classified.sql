-- Every posting of the extract with the state its kroner end in: deselected
-- (function not relevant), direct (names a person), pooled (to be split over
-- recipients), unallocated (no recipient can be known) or quarantined (bad
-- input, or booked outside the analysis years, kept with its reasons), and
-- the catalogue's row it is classified by (function_number: the function, or
-- function and grouping where the catalogue keeps them apart).
-- Incremental by booking month, like its input.
{{ config(**monthly_incremental_config()) }}

with

int_ledger_postings_validated as (

    select * from {{ ref('int_ledger_postings_validated') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

catalogue_groupings as (

    -- the rows of a function the catalogue keeps apart by grouping
    select
        account_function,
        account_grouping,
        function_number
    from function_catalogue
    where account_grouping is not null

),

new_postings as (

    select * from int_ledger_postings_validated
    {{ new_months_only(
        'booking_month', 'int_ledger_postings_validated', follows_source_runs=true
    ) }}

),

postings_joined as (

    select
        new_postings.posting_id,
        new_postings.row_key,
        new_postings.source_row_number,
        new_postings.booking_year,
        new_postings.is_in_analysis_years,
        new_postings.booking_date,
        -- the grouping's row where the catalogue has one, else the
        -- function's own
        coalesce(
            catalogue_groupings.function_number, new_postings.function_number
        ) as function_number,
        new_postings.cost_centre,
        new_postings.person_id,
        new_postings.amount,
        new_postings.is_pooled,
        new_postings.is_rejected,
        new_postings.rejection_reasons,
        new_postings.booking_month,
        function_catalogue.is_relevant,
        function_catalogue.allocation_method
    from new_postings
    left join catalogue_groupings
        on
            new_postings.function_number = catalogue_groupings.account_function
            and new_postings.account_grouping
            = catalogue_groupings.account_grouping
    left join function_catalogue
        on
            coalesce(
                catalogue_groupings.function_number,
                new_postings.function_number
            )
            = function_catalogue.function_number

),

final as (

    select
        posting_id,
        row_key,
        source_row_number,
        -- the year the posting is reconciled in: its booking year, also
        -- outside the analysis years; null when the date does not parse
        booking_year as reconciliation_year,
        case when is_in_analysis_years then booking_year end as analysis_year,
        booking_date,
        function_number,
        cost_centre,
        person_id,
        amount,
        allocation_method,
        case when is_rejected then rejection_reasons end as quarantine_reason,
        case
            when is_rejected then 'quarantined'
            when not is_relevant then 'deselected'
            when not is_pooled then 'direct'
            when allocation_method in ('activity', 'average') then 'pooled'
            else 'unallocated'
        end as ledger_state,
        '{{ invocation_id }}' as dbt_invocation_id,
        -- the key this row was pseudonymised with (check_pseudonym_key)
        {{ key_fingerprint() }} as key_fingerprint,
        -- the seeds it was built with (a change refuses an incremental run)
        '{{ reference_fingerprint(model.unique_id) }}' as reference_fingerprint,
        -- last: Spark's partition column
        booking_month
    from postings_joined

)

select * from final
