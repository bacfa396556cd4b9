-- How concentrated the costs are: the costliest 1, 3, 5 and 10 % (var
-- top_percents) of citizens and of families, for total, municipal and
-- regional cost, and the share of all cost they carry.
with

 __dbt__cte__unit_cost_ranks as (

-- Fixture for unit_cost_ranks
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c001' as text) as "unit_id", public.welfare_try_double(cast(200 as text)) as "unit_cost", cast(1 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c002' as text) as "unit_id", public.welfare_try_double(cast(199 as text)) as "unit_cost", cast(2 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c003' as text) as "unit_id", public.welfare_try_double(cast(198 as text)) as "unit_cost", cast(3 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c004' as text) as "unit_id", public.welfare_try_double(cast(197 as text)) as "unit_cost", cast(4 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c005' as text) as "unit_id", public.welfare_try_double(cast(196 as text)) as "unit_cost", cast(5 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c006' as text) as "unit_id", public.welfare_try_double(cast(195 as text)) as "unit_cost", cast(6 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c007' as text) as "unit_id", public.welfare_try_double(cast(194 as text)) as "unit_cost", cast(7 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c008' as text) as "unit_id", public.welfare_try_double(cast(193 as text)) as "unit_cost", cast(8 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c009' as text) as "unit_id", public.welfare_try_double(cast(192 as text)) as "unit_cost", cast(9 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c010' as text) as "unit_id", public.welfare_try_double(cast(191 as text)) as "unit_cost", cast(10 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f001' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(1 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f002' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(2 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f003' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(3 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"
), unit_cost_ranks as (

    select * from __dbt__cte__unit_cost_ranks

),

top_percents as (

    
    select cast(1 as integer) as top_percent
    union all
    select cast(3 as integer) as top_percent
    union all
    select cast(5 as integer) as top_percent

),

group_sizes as (

    select distinct
        unit_cost_ranks.population,
        unit_cost_ranks.analysis_year,
        unit_cost_ranks.cost_scope,
        unit_cost_ranks.population_size,
        unit_cost_ranks.population_cost,
        top_percents.top_percent,
        cast(floor(unit_cost_ranks.population_size * top_percents.top_percent / 100.0 + 0.5) as integer) as n_units
    from unit_cost_ranks
    cross join top_percents

),

top_units as (

    select
        group_sizes.population,
        group_sizes.analysis_year,
        group_sizes.cost_scope,
        group_sizes.top_percent,
        sum(unit_cost_ranks.unit_cost) as total_cost,
        min(unit_cost_ranks.unit_cost) as threshold_cost
    from group_sizes
    inner join unit_cost_ranks
        on
            group_sizes.population = unit_cost_ranks.population
            and group_sizes.analysis_year = unit_cost_ranks.analysis_year
            and group_sizes.cost_scope = unit_cost_ranks.cost_scope
            and group_sizes.n_units >= unit_cost_ranks.cost_rank
    group by
        group_sizes.population,
        group_sizes.analysis_year,
        group_sizes.cost_scope,
        group_sizes.top_percent

),

cells as (

    select
        group_sizes.analysis_year,
        group_sizes.population,
        group_sizes.cost_scope,
        group_sizes.top_percent,
        group_sizes.n_units,
        coalesce(top_units.total_cost, 0) as total_cost,
        case
            when group_sizes.n_units > 0
                then coalesce(top_units.total_cost, 0) / group_sizes.n_units
        end as mean_cost,
        case
            when group_sizes.population_cost <> 0
                then
                    coalesce(top_units.total_cost, 0)
                    / group_sizes.population_cost
        end as share_of_cost,
        top_units.threshold_cost,
        group_sizes.population_size,
        group_sizes.population_cost
    from group_sizes
    left join top_units
        on
            group_sizes.population = top_units.population
            and group_sizes.analysis_year = top_units.analysis_year
            and group_sizes.cost_scope = top_units.cost_scope
            and group_sizes.top_percent = top_units.top_percent

),

final as (

    -- a group of fewer than var min_cell_size units is withheld, not dropped
    select
        analysis_year,
        population,
        cost_scope,
        top_percent,
        case
        when (n_units = 0 or n_units >= 1) then n_units
    end as n_units,
        case
        when (n_units = 0 or n_units >= 1) then total_cost
    end as total_cost,
        case
        when (n_units = 0 or n_units >= 1) then mean_cost
    end as mean_cost,
        case
        when (n_units = 0 or n_units >= 1) then share_of_cost
    end as share_of_cost,
        case
        when (n_units = 0 or n_units >= 1) then threshold_cost
    end
            as threshold_cost,
        case
        when (population_size = 0 or population_size >= 1) then population_size
    end
            as population_size,
        case
        when (population_size = 0 or population_size >= 1) then population_cost
    end
            as population_cost,
        not(
            (n_units = 0 or n_units >= 1)
            and (population_size = 0 or population_size >= 1)
        ) as is_suppressed
    from cells

)

select * from final