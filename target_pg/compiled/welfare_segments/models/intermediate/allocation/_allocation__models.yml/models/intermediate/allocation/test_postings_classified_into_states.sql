-- Every posting of the extract with the state its kroner end in: deselected
-- (function not relevant), direct (names a person), pooled (to be split over
-- recipients), unallocated (no recipient can be known) or quarantined (bad
-- input, or booked outside the analysis years, kept with its reasons).
with

 __dbt__cte__int_ledger_postings_validated as (

-- Fixture for int_ledger_postings_validated
select cast(null as bigint) as "source_row_number", cast('p1' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2025 as integer) as "booking_year", cast(True as boolean) as "is_in_analysis_years", cast('5.57.71' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(10 as text)) as "amount", cast(null as text) as "amount_text", cast('known' as text) as "person_id", cast(null as text) as "source_system", cast(False as boolean) as "is_pooled", cast('' as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('p2' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2025 as integer) as "booking_year", cast(True as boolean) as "is_in_analysis_years", cast('5.30.26' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(20 as text)) as "amount", cast(null as text) as "amount_text", cast(null as text) as "person_id", cast(null as text) as "source_system", cast(True as boolean) as "is_pooled", cast('' as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('p3' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2025 as integer) as "booking_year", cast(True as boolean) as "is_in_analysis_years", cast('5.57.71' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(30 as text)) as "amount", cast(null as text) as "amount_text", cast(null as text) as "person_id", cast(null as text) as "source_system", cast(True as boolean) as "is_pooled", cast('' as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('p4' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2025 as integer) as "booking_year", cast(True as boolean) as "is_in_analysis_years", cast('6.45.51' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(40 as text)) as "amount", cast(null as text) as "amount_text", cast(null as text) as "person_id", cast(null as text) as "source_system", cast(True as boolean) as "is_pooled", cast('' as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('p5' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2025 as integer) as "booking_year", cast(True as boolean) as "is_in_analysis_years", cast('9.99.99' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(50 as text)) as "amount", cast(null as text) as "amount_text", cast('known' as text) as "person_id", cast(null as text) as "source_system", cast(False as boolean) as "is_pooled", cast('unknown_function_number' as text) as "rejection_reasons", cast(True as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('p6' as text) as "posting_id", public.welfare_try_date(cast(null as text)) as "booking_date", cast(null as text) as "booking_date_text", cast(2024 as integer) as "booking_year", cast(False as boolean) as "is_in_analysis_years", cast('5.57.71' as text) as "function_number", cast(null as text) as "cost_centre", public.welfare_try_double(cast(60 as text)) as "amount", cast(null as text) as "amount_text", cast('known' as text) as "person_id", cast(null as text) as "source_system", cast(False as boolean) as "is_pooled", cast('booking_date_outside_analysis_years' as text) as "rejection_reasons", cast(True as boolean) as "is_rejected"
),  __dbt__cte__function_catalogue as (

-- Fixture for function_catalogue
select cast('5.57.71' as character varying) as "function_number", cast(null as character varying) as "service_name", cast(null as character varying) as "service_name_da", cast(null as character varying) as "sector", cast(null as character varying) as "area_stevns", cast(null as character varying) as "area_skanderborg", cast(null as character varying) as "cost_type", cast(True as boolean) as "is_relevant", cast(null as character varying) as "deselection_reason", cast('direct' as character varying) as "allocation_method", cast(null as character varying) as "activity_unit", cast(null as character varying) as "source_mark"
union all
select cast('5.30.26' as character varying) as "function_number", cast(null as character varying) as "service_name", cast(null as character varying) as "service_name_da", cast(null as character varying) as "sector", cast(null as character varying) as "area_stevns", cast(null as character varying) as "area_skanderborg", cast(null as character varying) as "cost_type", cast(True as boolean) as "is_relevant", cast(null as character varying) as "deselection_reason", cast('activity' as character varying) as "allocation_method", cast(null as character varying) as "activity_unit", cast(null as character varying) as "source_mark"
union all
select cast('6.45.51' as character varying) as "function_number", cast(null as character varying) as "service_name", cast(null as character varying) as "service_name_da", cast(null as character varying) as "sector", cast(null as character varying) as "area_stevns", cast(null as character varying) as "area_skanderborg", cast(null as character varying) as "cost_type", cast(False as boolean) as "is_relevant", cast(null as character varying) as "deselection_reason", cast('none' as character varying) as "allocation_method", cast(null as character varying) as "activity_unit", cast(null as character varying) as "source_mark"
), int_ledger_postings_validated as (

    select * from __dbt__cte__int_ledger_postings_validated

),

function_catalogue as (

    select * from __dbt__cte__function_catalogue

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