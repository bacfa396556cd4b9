-- Segment x segment overlap, published: the cells of
-- int_segment_overlap_cells with what int_cells_withheld withholds set to
-- null and flagged. A pair and its mirror are withheld together; the
-- diagonal is withheld with the segment's size on its profile sheet.
with

int_segment_overlap_cells as (

    select * from {{ ref('int_segment_overlap_cells') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

final as (

    select
        int_segment_overlap_cells.population,
        int_segment_overlap_cells.analysis_year,
        int_segment_overlap_cells.segment_id,
        int_segment_overlap_cells.other_segment_id,
        case
            when not pair_cells.is_count_withheld
                then int_segment_overlap_cells.n_units_in_both
        end as n_units_in_both,
        case
            when not pair_cells.is_cost_withheld
                then int_segment_overlap_cells.cost_in_both
        end as cost_in_both,
        case
            when
                not pair_cells.is_count_withheld
                and not segment_cells.is_count_withheld
                and int_segment_overlap_cells.segment_size > 0
                then
                    cast(
                        int_segment_overlap_cells.n_units_in_both
                        as {{ type_double() }}
                    )
                    / int_segment_overlap_cells.segment_size
        end as share_of_segment,
        pair_cells.is_withheld as is_suppressed
    from int_segment_overlap_cells
    inner join int_cells_withheld as pair_cells
        on int_segment_overlap_cells.cell_id = pair_cells.cell_id
    inner join int_cells_withheld as segment_cells
        on int_segment_overlap_cells.segment_cell_id = segment_cells.cell_id

)

select * from final
