
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "function_number","cost_centre","person_id","allocated_amount","unallocated_amount", 'actual' as "actual_or_expected"
  from (
    -- Pooled postings (no person id) of activity and average functions, summed per
-- function, cost centre and year, and split over the recipients of that
-- function and cost centre in the year: by activity units (aktivitetsfordelt)
-- or evenly per recipient (gennemsnit). A pool with no recipient stays
-- unallocated, as one row without a person.
with

 __dbt__cte__int_ledger_postings_classified as (

-- Fixture for int_ledger_postings_classified
select cast(null as text) as "posting_id", cast(null as bigint) as "source_row_number", cast(null as integer) as "reconciliation_year", cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "booking_date", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(600 as text)) as "amount", cast('activity' as character varying) as "allocation_method", cast(null as text) as "quarantine_reason", cast('pooled' as text) as "ledger_state"
union all
select cast(null as text) as "posting_id", cast(null as bigint) as "source_row_number", cast(null as integer) as "reconciliation_year", cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "booking_date", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(400 as text)) as "amount", cast('activity' as character varying) as "allocation_method", cast(null as text) as "quarantine_reason", cast('pooled' as text) as "ledger_state"
union all
select cast(null as text) as "posting_id", cast(null as bigint) as "source_row_number", cast(null as integer) as "reconciliation_year", cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "booking_date", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(900 as text)) as "amount", cast('average' as character varying) as "allocation_method", cast(null as text) as "quarantine_reason", cast('pooled' as text) as "ledger_state"
union all
select cast(null as text) as "posting_id", cast(null as bigint) as "source_row_number", cast(null as integer) as "reconciliation_year", cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "booking_date", cast('5.30.26' as text) as "function_number", cast('south' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(250 as text)) as "amount", cast('activity' as character varying) as "allocation_method", cast(null as text) as "quarantine_reason", cast('pooled' as text) as "ledger_state"
union all
select cast(null as text) as "posting_id", cast(null as bigint) as "source_row_number", cast(null as integer) as "reconciliation_year", cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "booking_date", cast('5.57.71' as text) as "function_number", cast('jobs' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(77 as text)) as "amount", cast('direct' as character varying) as "allocation_method", cast(null as text) as "quarantine_reason", cast('direct' as text) as "ledger_state"
),  __dbt__cte__int_service_deliveries_weighted as (

-- Fixture for int_service_deliveries_weighted
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('a' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(30 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(6 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(4 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('a' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('c' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2024 as integer) as "analysis_year", cast('c' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('south' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(10 as text)) as "activity_units_in_year"
), int_ledger_postings_classified as (

    select * from __dbt__cte__int_ledger_postings_classified

),

int_service_deliveries_weighted as (

    select * from __dbt__cte__int_service_deliveries_weighted

),

pools as (

    select
        analysis_year,
        function_number,
        cost_centre,
        min(allocation_method) as allocation_method,
        sum(amount) as pool_amount,
        count(*) as n_postings
    from int_ledger_postings_classified
    where ledger_state = 'pooled'
    group by analysis_year, function_number, cost_centre

),

recipient_weights as (

    select
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        int_service_deliveries_weighted.person_id,
        case pools.allocation_method
            when 'activity'
                then sum(int_service_deliveries_weighted.activity_units_in_year)
            else 1
        end as allocation_weight
    from pools
    inner join int_service_deliveries_weighted
        on
            pools.analysis_year = int_service_deliveries_weighted.analysis_year
            and pools.function_number
            = int_service_deliveries_weighted.function_number
            and pools.cost_centre = int_service_deliveries_weighted.cost_centre
    group by
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        pools.allocation_method,
        int_service_deliveries_weighted.person_id

),

pool_weights as (

    select
        analysis_year,
        function_number,
        cost_centre,
        sum(allocation_weight) as pool_weight
    from recipient_weights
    where allocation_weight > 0
    group by analysis_year, function_number, cost_centre

),

allocated as (

    select
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        pools.allocation_method,
        recipient_weights.person_id,
        pools.pool_amount,
        recipient_weights.allocation_weight,
        pool_weights.pool_weight,
        pools.pool_amount * recipient_weights.allocation_weight
        / pool_weights.pool_weight as allocated_amount,
        cast(0 as double precision) as unallocated_amount
    from pools
    inner join pool_weights
        on
            pools.analysis_year = pool_weights.analysis_year
            and pools.function_number = pool_weights.function_number
            and pools.cost_centre = pool_weights.cost_centre
    inner join recipient_weights
        on
            pools.analysis_year = recipient_weights.analysis_year
            and pools.function_number = recipient_weights.function_number
            and pools.cost_centre = recipient_weights.cost_centre
    where recipient_weights.allocation_weight > 0

),

unallocated as (

    select
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        pools.allocation_method,
        cast(null as TEXT) as person_id,
        pools.pool_amount,
        cast(null as double precision) as allocation_weight,
        cast(null as double precision) as pool_weight,
        cast(0 as double precision) as allocated_amount,
        pools.pool_amount as unallocated_amount
    from pools
    left join pool_weights
        on
            pools.analysis_year = pool_weights.analysis_year
            and pools.function_number = pool_weights.function_number
            and pools.cost_centre = pool_weights.cost_centre
    where pool_weights.pool_weight is null

),

final as (

    select * from allocated
    union all
    select * from unallocated

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "function_number", "cost_centre", "person_id", "allocated_amount", "unallocated_amount", 'expected' as "actual_or_expected"
  from (
    select cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast('a' as text) as "person_id", public.welfare_try_double(cast(750 as text)) as "allocated_amount", public.welfare_try_double(cast(0 as text)) as "unallocated_amount"
union all
select cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast('b' as text) as "person_id", public.welfare_try_double(cast(250 as text)) as "allocated_amount", public.welfare_try_double(cast(0 as text)) as "unallocated_amount"
union all
select cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast('a' as text) as "person_id", public.welfare_try_double(cast(300 as text)) as "allocated_amount", public.welfare_try_double(cast(0 as text)) as "unallocated_amount"
union all
select cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast('b' as text) as "person_id", public.welfare_try_double(cast(300 as text)) as "allocated_amount", public.welfare_try_double(cast(0 as text)) as "unallocated_amount"
union all
select cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast('c' as text) as "person_id", public.welfare_try_double(cast(300 as text)) as "allocated_amount", public.welfare_try_double(cast(0 as text)) as "unallocated_amount"
union all
select cast('5.30.26' as text) as "function_number", cast('south' as text) as "cost_centre", cast(null as text) as "person_id", public.welfare_try_double(cast(0 as text)) as "allocated_amount", public.welfare_try_double(cast(250 as text)) as "unallocated_amount"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected