-- Citizens and families of each year's population ranked by cost, separately
-- for total, municipal and regional cost: the basis of the concentration and
-- overlap groups (restricted.unit_cost_ranks publishes it). Rank 1 is the
-- costliest; costs are compared to the øre and ties broken by unit id, so the
-- ranking is the same on every run and engine.
with

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

units as (

    select * from int_unit_costs
    where is_in_population

),

costs_by_scope as (

    select
        population,
        analysis_year,
        unit_id,
        'total' as cost_scope,
        total_cost as unit_cost
    from units
    union all
    select
        population,
        analysis_year,
        unit_id,
        'municipal' as cost_scope,
        municipal_cost as unit_cost
    from units
    union all
    select
        population,
        analysis_year,
        unit_id,
        'regional' as cost_scope,
        regional_cost as unit_cost
    from units

),

final as (

    select
        population,
        analysis_year,
        cost_scope,
        unit_id,
        unit_cost,
        row_number() over (
            partition by population, analysis_year, cost_scope
            -- kroner to the øre: parallel sums may differ in the last bits
            -- between runs, which must not reorder near-ties
            order by
                round(cast(unit_cost as {{ dbt.type_numeric() }}), 2) desc,
                unit_id asc
        ) as cost_rank,
        count(*) over (
            partition by population, analysis_year, cost_scope
        ) as population_size,
        sum(unit_cost) over (
            partition by population, analysis_year, cost_scope
        ) as population_cost
    from costs_by_scope

)

select * from final
