-- How concentrated the costs are, published: the groups of
-- int_cost_concentration_groups with what int_cells_withheld withholds set
-- to null and flagged, never dropped.
with

int_cost_concentration_groups as (

    select * from {{ ref('int_cost_concentration_groups') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

final as (

    select
        int_cost_concentration_groups.analysis_year,
        int_cost_concentration_groups.population,
        int_cost_concentration_groups.cost_scope,
        int_cost_concentration_groups.top_percent,
        case
            when not group_cells.is_count_withheld
                then int_cost_concentration_groups.n_units
        end as n_units,
        case
            when not group_cells.is_cost_withheld
                then int_cost_concentration_groups.total_cost
        end as total_cost,
        -- means and shares are ratios, not money: double precision
        case
            when
                not group_cells.is_cost_withheld
                and int_cost_concentration_groups.n_units > 0
                then
                    cast(
                        int_cost_concentration_groups.total_cost
                        as {{ type_double() }}
                    )
                    / int_cost_concentration_groups.n_units
        end as mean_cost,
        case
            when
                not group_cells.is_cost_withheld
                and not population_cells.is_cost_withheld
                and int_cost_concentration_groups.population_cost != 0
                then
                    cast(
                        int_cost_concentration_groups.total_cost
                        as {{ type_double() }}
                    )
                    / cast(
                        int_cost_concentration_groups.population_cost
                        as {{ type_double() }}
                    )
        end as share_of_cost,
        -- one unit's exact cost is never published: the cut-off is rounded
        case
            when not group_cells.is_cost_withheld
                then
                    cast(
                        round(
                            int_cost_concentration_groups.threshold_cost
                            / {{ var('published_value_rounding') }},
                            0
                        ) * {{ var('published_value_rounding') }}
                        as {{ type_money() }}
                    )
        end as threshold_cost,
        case
            when not population_cells.is_count_withheld
                then int_cost_concentration_groups.population_size
        end as population_size,
        case
            when not population_cells.is_cost_withheld
                then int_cost_concentration_groups.population_cost
        end as population_cost,
        group_cells.is_withheld or population_cells.is_withheld
            as is_suppressed
    from int_cost_concentration_groups
    inner join int_cells_withheld as group_cells
        on int_cost_concentration_groups.cell_id = group_cells.cell_id
    inner join int_cells_withheld as population_cells
        on
            int_cost_concentration_groups.population_cell_id
            = population_cells.cell_id

)

select * from final
