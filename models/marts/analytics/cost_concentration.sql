-- How concentrated the costs are, published: the groups of
-- int_cost_concentration_groups with what int_cells_withheld withholds set
-- to null and flagged, never dropped. Shares against two denominators, as
-- the reports publish them: the population's own cost in the scope, and the
-- relevant cost of the sector (allocation_coverage: the relevant municipal
-- ledger, non-residents and the unallocated included; the region's costs of
-- the municipality's citizens; their sum for the total).
with

int_cost_concentration_groups as (

    select * from {{ ref('int_cost_concentration_groups') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

allocation_coverage as (

    select * from {{ ref('allocation_coverage') }}

),

relevant_sector_costs as (

    select
        analysis_year,
        'municipal' as cost_scope,
        relevant_ledger_amount as relevant_sector_cost
    from allocation_coverage
    union all
    select
        analysis_year,
        'regional' as cost_scope,
        regional_amount as relevant_sector_cost
    from allocation_coverage
    union all
    select
        analysis_year,
        'total' as cost_scope,
        relevant_ledger_amount + regional_amount as relevant_sector_cost
    from allocation_coverage

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
        relevant_sector_costs.relevant_sector_cost,
        case
            when
                not group_cells.is_cost_withheld
                and relevant_sector_costs.relevant_sector_cost != 0
                then
                    cast(
                        int_cost_concentration_groups.total_cost
                        as {{ type_double() }}
                    )
                    / cast(
                        relevant_sector_costs.relevant_sector_cost
                        as {{ type_double() }}
                    )
        end as share_of_relevant_sector_cost,
        group_cells.is_withheld or population_cells.is_withheld
            as is_suppressed
    from int_cost_concentration_groups
    inner join int_cells_withheld as group_cells
        on int_cost_concentration_groups.cell_id = group_cells.cell_id
    inner join int_cells_withheld as population_cells
        on
            int_cost_concentration_groups.population_cell_id
            = population_cells.cell_id
    left join relevant_sector_costs
        on
            int_cost_concentration_groups.analysis_year
            = relevant_sector_costs.analysis_year
            and int_cost_concentration_groups.cost_scope
            = relevant_sector_costs.cost_scope

)

select * from final
