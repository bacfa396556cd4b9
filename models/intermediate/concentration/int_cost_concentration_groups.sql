-- How concentrated the costs are, before disclosure control: the costliest
-- 1, 3, 5 and 10 % (var top_percents) of citizens and of families, for
-- total, municipal and regional cost, and the share of all cost they carry.
-- Each group and each population total is a cell of int_cells_withheld.
with

int_unit_cost_ranks as (

    select * from {{ ref('int_unit_cost_ranks') }}

),

top_percents as (

    {{ top_percents_relation() }}

),

group_sizes as (

    select distinct
        int_unit_cost_ranks.population,
        int_unit_cost_ranks.analysis_year,
        int_unit_cost_ranks.cost_scope,
        int_unit_cost_ranks.population_size,
        int_unit_cost_ranks.population_cost,
        top_percents.top_percent,
        {{ top_group_size(
            'int_unit_cost_ranks.population_size', 'top_percents.top_percent'
        ) }} as n_units
    from int_unit_cost_ranks
    cross join top_percents

),

population_units as (

    select
        population,
        analysis_year,
        cost_scope,
        max(abs(unit_cost)) as largest_unit_cost,
        sum(abs(unit_cost)) as abs_cost_sum
    from int_unit_cost_ranks
    group by population, analysis_year, cost_scope

),

top_units as (

    select
        group_sizes.population,
        group_sizes.analysis_year,
        group_sizes.cost_scope,
        group_sizes.top_percent,
        sum(int_unit_cost_ranks.unit_cost) as total_cost,
        max(abs(int_unit_cost_ranks.unit_cost)) as largest_unit_cost,
        sum(abs(int_unit_cost_ranks.unit_cost)) as abs_cost_sum,
        -- one unit's cost: the mart publishes it rounded
        min(int_unit_cost_ranks.unit_cost) as threshold_cost
    from group_sizes
    inner join int_unit_cost_ranks
        on
            group_sizes.population = int_unit_cost_ranks.population
            and group_sizes.analysis_year = int_unit_cost_ranks.analysis_year
            and group_sizes.cost_scope = int_unit_cost_ranks.cost_scope
            and group_sizes.n_units >= int_unit_cost_ranks.cost_rank
    group by
        group_sizes.population,
        group_sizes.analysis_year,
        group_sizes.cost_scope,
        group_sizes.top_percent

),

final as (

    select
        group_sizes.analysis_year,
        group_sizes.population,
        group_sizes.cost_scope,
        group_sizes.top_percent,
        {{ disclosure_cell_id([
            "'concentration'", 'group_sizes.analysis_year',
            'group_sizes.population', 'group_sizes.cost_scope',
            'group_sizes.top_percent'
        ]) }} as cell_id,
        {{ disclosure_cell_id([
            "'population'", 'group_sizes.analysis_year',
            'group_sizes.population', 'group_sizes.cost_scope'
        ]) }} as population_cell_id,
        cast(group_sizes.n_units as {{ dbt.type_bigint() }}) as n_units,
        coalesce(top_units.total_cost, 0) as total_cost,
        coalesce(top_units.largest_unit_cost, 0) as largest_unit_cost,
        coalesce(top_units.abs_cost_sum, 0) as abs_cost_sum,
        top_units.threshold_cost,
        cast(group_sizes.population_size as {{ dbt.type_bigint() }})
            as population_size,
        group_sizes.population_cost,
        coalesce(population_units.largest_unit_cost, 0)
            as population_largest_unit_cost,
        coalesce(population_units.abs_cost_sum, 0)
            as population_abs_cost_sum
    from group_sizes
    left join top_units
        on
            group_sizes.population = top_units.population
            and group_sizes.analysis_year = top_units.analysis_year
            and group_sizes.cost_scope = top_units.cost_scope
            and group_sizes.top_percent = top_units.top_percent
    left join population_units
        on
            group_sizes.population = population_units.population
            and group_sizes.analysis_year = population_units.analysis_year
            and group_sizes.cost_scope = population_units.cost_scope

)

select * from final
