-- Overlap of the costliest units of the municipality and of the region,
-- published: the groups of int_top_spender_overlap_groups with what
-- int_cells_withheld withholds set to null and flagged. The group sizes are
-- withheld with the municipal and regional groups of cost_concentration.
with

int_top_spender_overlap_groups as (

    select * from {{ ref('int_top_spender_overlap_groups') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

final as (

    select
        int_top_spender_overlap_groups.analysis_year,
        int_top_spender_overlap_groups.population,
        int_top_spender_overlap_groups.top_percent,
        case
            when not municipal_cells.is_count_withheld
                then int_top_spender_overlap_groups.n_units
        end as n_units,
        case
            when not municipal_cells.is_count_withheld
                then int_top_spender_overlap_groups.n_top_municipal
        end as n_top_municipal,
        case
            when not regional_cells.is_count_withheld
                then int_top_spender_overlap_groups.n_top_regional
        end as n_top_regional,
        case
            when not both_cells.is_count_withheld
                then int_top_spender_overlap_groups.n_in_both
        end as n_in_both,
        case
            when
                not both_cells.is_count_withheld
                and not municipal_cells.is_count_withheld
                and int_top_spender_overlap_groups.n_top_municipal > 0
                then
                    cast(
                        int_top_spender_overlap_groups.n_in_both
                        as {{ type_double() }}
                    )
                    / int_top_spender_overlap_groups.n_top_municipal
        end as share_in_both,
        both_cells.is_withheld
        or municipal_cells.is_withheld
        or regional_cells.is_withheld as is_suppressed
    from int_top_spender_overlap_groups
    inner join int_cells_withheld as both_cells
        on int_top_spender_overlap_groups.cell_id = both_cells.cell_id
    inner join int_cells_withheld as municipal_cells
        on
            int_top_spender_overlap_groups.municipal_cell_id
            = municipal_cells.cell_id
    inner join int_cells_withheld as regional_cells
        on
            int_top_spender_overlap_groups.regional_cell_id
            = regional_cells.cell_id

)

select * from final
