-- How concentrated the costs are: the costliest 1, 3, 5 and 10 % (var
-- top_percents) of citizens and of families, for total, municipal and
-- regional cost, and the share of all cost they carry.
with

unit_cost_ranks as (

    select * from {{ ref('unit_cost_ranks') }}

),

top_percents as (

    {{ top_percents_relation() }}

),

group_sizes as (

    select distinct
        unit_cost_ranks.population,
        unit_cost_ranks.analysis_year,
        unit_cost_ranks.cost_scope,
        unit_cost_ranks.population_size,
        unit_cost_ranks.population_cost,
        top_percents.top_percent,
        {{ top_group_size(
            'unit_cost_ranks.population_size', 'top_percents.top_percent'
        ) }} as n_units
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
        -- one unit's exact cost is never published: the cut-off is rounded
        cast(
            round(
                min(unit_cost_ranks.unit_cost)
                / {{ var('published_value_rounding') }},
                0
            ) * {{ var('published_value_rounding') }}
            as {{ type_money() }}
        ) as threshold_cost
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
        -- means and shares are ratios, not money: double precision
        case
            when group_sizes.n_units > 0
                then
                    cast(
                        coalesce(top_units.total_cost, 0) as {{ type_double() }}
                    )
                    / group_sizes.n_units
        end as mean_cost,
        case
            when group_sizes.population_cost <> 0
                then
                    cast(
                        coalesce(top_units.total_cost, 0) as {{ type_double() }}
                    )
                    / cast(group_sizes.population_cost as {{ type_double() }})
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
        {{ suppress_small_cell('n_units', 'n_units') }} as n_units,
        {{ suppress_small_cell('total_cost', 'n_units') }} as total_cost,
        {{ suppress_small_cell('mean_cost', 'n_units') }} as mean_cost,
        {{ suppress_small_cell('share_of_cost', 'n_units') }} as share_of_cost,
        {{ suppress_small_cell('threshold_cost', 'n_units') }}
            as threshold_cost,
        {{ suppress_small_cell('population_size', 'population_size') }}
            as population_size,
        {{ suppress_small_cell('population_cost', 'population_size') }}
            as population_cost,
        not(
            {{ is_publishable('n_units') }}
            and {{ is_publishable('population_size') }}
        ) as is_suppressed
    from cells

)

select * from final
