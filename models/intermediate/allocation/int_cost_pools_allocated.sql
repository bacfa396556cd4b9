-- Pooled postings (no person id) of activity and average functions, summed per
-- function, cost centre and year, and split over the recipients of that
-- function and cost centre in the year: by activity units (aktivitetsfordelt)
-- or evenly per recipient (gennemsnit). A pool with no recipient stays
-- unallocated, as one row without a person. Shares are whole øre by the
-- largest-remainder method, so a pool's shares add up to it exactly.
with

int_ledger_postings_classified as (

    select * from {{ ref('int_ledger_postings_classified') }}

),

int_service_deliveries_weighted as (

    select * from {{ ref('int_service_deliveries_weighted') }}

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

shares_in_ore as (

    -- each recipient's exact share in øre, and its whole part; a negative
    -- pool (net refunds) is split like a positive one and signed back
    select
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        pools.allocation_method,
        recipient_weights.person_id,
        pools.pool_amount,
        recipient_weights.allocation_weight,
        pool_weights.pool_weight,
        case when pools.pool_amount < 0 then -1 else 1 end as pool_sign,
        cast(abs(pools.pool_amount) * 100 as {{ dbt.type_bigint() }})
            as pool_ore,
        cast(abs(pools.pool_amount) * 100 as {{ type_double() }})
        * recipient_weights.allocation_weight
        / pool_weights.pool_weight as exact_share_ore
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

remainders_ranked as (

    -- largest remainder: the øre the whole parts leave over go one each to
    -- the recipients with the largest fractions, so the shares add up to
    -- the pool exactly, on every engine
    select
        *,
        floor(exact_share_ore) as whole_share_ore,
        pool_ore - sum(floor(exact_share_ore)) over (
            partition by analysis_year, function_number, cost_centre
        ) as leftover_ore,
        row_number() over (
            partition by analysis_year, function_number, cost_centre
            order by
                exact_share_ore - floor(exact_share_ore) desc, person_id asc
        ) as remainder_rank
    from shares_in_ore

),

allocated as (

    select
        analysis_year,
        function_number,
        cost_centre,
        allocation_method,
        person_id,
        pool_amount,
        allocation_weight,
        pool_weight,
        cast(
            pool_sign
            * (
                whole_share_ore
                + case when remainder_rank <= leftover_ore then 1 else 0 end
            )
            / 100.0
            as {{ type_money() }}
        ) as allocated_amount,
        cast(0 as {{ type_money() }}) as unallocated_amount
    from remainders_ranked

),

unallocated as (

    select
        pools.analysis_year,
        pools.function_number,
        pools.cost_centre,
        pools.allocation_method,
        cast(null as {{ dbt.type_string() }}) as person_id,
        pools.pool_amount,
        cast(null as {{ type_double() }}) as allocation_weight,
        cast(null as {{ type_double() }}) as pool_weight,
        cast(0 as {{ type_money() }}) as allocated_amount,
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
