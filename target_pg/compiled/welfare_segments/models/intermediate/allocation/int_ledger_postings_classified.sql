-- Every posting of the extract with the state its kroner end in: deselected
-- (function not relevant), direct (names a person), pooled (to be split over
-- recipients), unallocated (no recipient can be known) or quarantined (bad
-- input, or booked outside the analysis years, kept with its reasons).
with

int_ledger_postings_validated as (

    select * from "welfare"."intermediate"."int_ledger_postings_validated"

),

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

postings_joined as (

    select
        int_ledger_postings_validated.posting_id,
        int_ledger_postings_validated.source_row_number,
        int_ledger_postings_validated.booking_year,
        int_ledger_postings_validated.is_in_analysis_years,
        int_ledger_postings_validated.booking_date,
        int_ledger_postings_validated.function_number,
        int_ledger_postings_validated.cost_centre,
        int_ledger_postings_validated.person_id,
        int_ledger_postings_validated.amount,
        int_ledger_postings_validated.is_pooled,
        int_ledger_postings_validated.is_rejected,
        int_ledger_postings_validated.rejection_reasons,
        function_catalogue.is_relevant,
        function_catalogue.allocation_method
    from int_ledger_postings_validated
    left join function_catalogue
        on
            int_ledger_postings_validated.function_number
            = function_catalogue.function_number

),

final as (

    select
        posting_id,
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
        end as ledger_state
    from postings_joined

)

select * from final