-- The profile sheet of every segment and sub-segment, published: the cells
-- of int_segment_profile_cells with what int_cells_withheld withholds set to
-- null and flagged, never dropped, but for the services of a sheet whose
-- segment size is withheld: their names alone would say what its few units
-- receive (and listing them for the other withheld sheets only would tell
-- those apart). The view segment_profile_sheet lays the rows out as the
-- reports do.
with

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

lists_with_withheld_lines as (

    -- which list a service is on ranks it against the others: a service on
    -- the most expensive list only costs more than every one on the most
    -- frequent list only, so the flag is published only where no line of
    -- the list is withheld, or it would bound a withheld figure
    select distinct
        int_segment_profile_cells.segment_id,
        int_segment_profile_cells.analysis_year
    from int_segment_profile_cells
    inner join int_cells_withheld
        on int_segment_profile_cells.cell_id = int_cells_withheld.cell_id
    where
        int_segment_profile_cells.section = 'top_services'
        and int_cells_withheld.is_withheld

),

final as (

    select
        int_segment_profile_cells.segment_id,
        segment_catalogue.segment_label,
        int_segment_profile_cells.population,
        int_segment_profile_cells.analysis_year,
        int_segment_profile_cells.section,
        int_segment_profile_cells.item,
        int_segment_profile_cells.item_name,
        int_segment_profile_cells.item_name_da,
        int_segment_profile_cells.item_rank,
        case
            when lists_with_withheld_lines.segment_id is null
                then int_segment_profile_cells.top_list
        end as top_list,
        case
            when not segment_cells.is_count_withheld
                then int_segment_profile_cells.segment_size
        end as segment_size,
        case
            when not line_cells.is_count_withheld
                then int_segment_profile_cells.n_units
        end as n_units,
        case
            when
                not line_cells.is_count_withheld
                and not segment_cells.is_count_withheld
                and int_segment_profile_cells.segment_size > 0
                then
                    cast(
                        int_segment_profile_cells.n_units
                        as {{ type_double() }}
                    )
                    / int_segment_profile_cells.segment_size
        end as share_of_segment,
        case
            when not line_cells.is_cost_withheld
                then int_segment_profile_cells.total_cost
        end as total_cost,
        case
            when
                not line_cells.is_cost_withheld
                and int_segment_profile_cells.n_units > 0
                then
                    cast(
                        int_segment_profile_cells.total_cost
                        as {{ type_double() }}
                    )
                    / int_segment_profile_cells.n_units
        end as mean_cost,
        case
            when
                not line_cells.is_cost_withheld
                and not count_sum_cells.is_count_withheld
                and int_segment_profile_cells.n_units > 0
                then
                    cast(
                        int_segment_profile_cells.count_sum
                        as {{ type_double() }}
                    )
                    / int_segment_profile_cells.n_units
        end as mean_count,
        case
            when
                not line_cells.is_cost_withheld
                and not segment_cells.is_cost_withheld
                and int_segment_profile_cells.segment_cost != 0
                then
                    cast(
                        int_segment_profile_cells.total_cost
                        as {{ type_double() }}
                    )
                    / int_segment_profile_cells.segment_cost
        end as share_of_segment_cost,
        line_cells.is_withheld or segment_cells.is_withheld as is_suppressed
    from int_segment_profile_cells
    inner join int_cells_withheld as line_cells
        on int_segment_profile_cells.cell_id = line_cells.cell_id
    inner join int_cells_withheld as segment_cells
        on int_segment_profile_cells.segment_cell_id = segment_cells.cell_id
    -- lines without a mean count have no such cell
    left join int_cells_withheld as count_sum_cells
        on
            {{ disclosure_cell_id([
                'int_segment_profile_cells.cell_id', "'count_sum'"
            ]) }} = count_sum_cells.cell_id
    inner join segment_catalogue
        on int_segment_profile_cells.segment_id = segment_catalogue.segment_id
    left join lists_with_withheld_lines
        on
            int_segment_profile_cells.segment_id
            = lists_with_withheld_lines.segment_id
            and int_segment_profile_cells.analysis_year
            = lists_with_withheld_lines.analysis_year
    where
        not (
            int_segment_profile_cells.section = 'top_services'
            and segment_cells.is_count_withheld
        )

)

select * from final
