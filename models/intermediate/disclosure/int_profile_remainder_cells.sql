-- The costs an outsider derives from a profile sheet without their being
-- published: a cost line (an area of either vocabulary, a cost type, the
-- municipal or regional cost) less the listed services in it, or less a
-- line of another section whose functions it holds all of (by the
-- catalogue: Stevns' Children and learning less Skanderborg's Children and
-- youth is special youth education alone), is the cost of the unlisted
-- services in the difference. One row per segment, year and such remainder
-- with its units (those with a cost on one of its unlisted services) and
-- the largest unit's part, so that int_cells_withheld applies the primary
-- rules to it as to a published cell and protects it through the group
-- whole = subtracted line + listed services + remainder
-- (int_profile_line_relations). Besides, the unlisted services of each cell
-- of the catalogue the sheet's lines fix (int_profile_cells_fixed, section
-- cross_cell). A complete list leaves no remainder (its costs are protected
-- together instead).
with

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

int_segment_unit_costs as (

    select * from {{ ref('int_segment_unit_costs') }}

),

int_unit_services as (

    select * from {{ ref('int_unit_services') }}

),

int_cost_line_differences as (

    select * from {{ ref('int_cost_line_differences') }}

),

int_profile_cells_fixed as (

    select * from {{ ref('int_profile_cells_fixed') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

cells_fixed as (

    -- the cells of the catalogue a sheet's lines fix, as differences of
    -- their own (section cross_cell)
    select
        int_profile_cells_fixed.segment_cell_id,
        'cross_cell' as section,
        int_profile_cells_fixed.cell_key as item,
        cast(null as {{ dbt.type_string() }}) as part_section,
        cast(null as {{ dbt.type_string() }}) as part_item,
        function_catalogue.function_number
    from (
        select distinct
            segment_cell_id,
            cell_key
        from int_profile_cells_fixed
    ) as int_profile_cells_fixed
    inner join function_catalogue
        on
            int_profile_cells_fixed.cell_key
            = {{ catalogue_cell_key('function_catalogue') }}
    where
        function_catalogue.sector = 'municipal'
        and function_catalogue.is_relevant

),

top_service_lines as (

    select
        segment_id,
        analysis_year,
        item as function_number,
        is_complete_list
    from int_segment_profile_cells
    where section = 'top_services'

),

open_lists as (

    -- the sheets with services beyond their list (or no list at all: a
    -- whole population's sheet)
    select
        int_segment_profile_cells.segment_id,
        int_segment_profile_cells.population,
        int_segment_profile_cells.analysis_year,
        max(int_segment_profile_cells.segment_cell_id) as segment_cell_id,
        max(int_segment_profile_cells.segment_size) as segment_size
    from int_segment_profile_cells
    left join top_service_lines
        on
            int_segment_profile_cells.segment_id = top_service_lines.segment_id
            and int_segment_profile_cells.analysis_year
            = top_service_lines.analysis_year
    group by
        int_segment_profile_cells.segment_id,
        int_segment_profile_cells.population,
        int_segment_profile_cells.analysis_year
    having
        count(top_service_lines.function_number) = 0
        or max(
            case when top_service_lines.is_complete_list then 1 else 0 end
        ) = 0

),

unlisted_services as (

    -- each member's cost on a service its sheet does not list
    select
        open_lists.segment_cell_id,
        open_lists.segment_size,
        int_unit_services.unit_id,
        int_unit_services.function_number,
        int_unit_services.service_cost
    from open_lists
    inner join int_segment_unit_costs
        on
            open_lists.segment_id = int_segment_unit_costs.segment_id
            and open_lists.analysis_year = int_segment_unit_costs.analysis_year
    inner join int_unit_services
        on
            int_segment_unit_costs.population = int_unit_services.population
            and int_segment_unit_costs.unit_id = int_unit_services.unit_id
            and int_segment_unit_costs.analysis_year
            = int_unit_services.analysis_year
    left join top_service_lines
        on
            open_lists.segment_id = top_service_lines.segment_id
            and open_lists.analysis_year = top_service_lines.analysis_year
            and int_unit_services.function_number
            = top_service_lines.function_number
    where top_service_lines.function_number is null

),

services_in_differences as (

    select
        unlisted_services.segment_cell_id,
        unlisted_services.segment_size,
        int_cost_line_differences.section,
        int_cost_line_differences.item,
        int_cost_line_differences.part_section,
        int_cost_line_differences.part_item,
        unlisted_services.unit_id,
        unlisted_services.service_cost
    from unlisted_services
    inner join int_cost_line_differences
        on
            unlisted_services.function_number
            = int_cost_line_differences.function_number
    union all
    select
        unlisted_services.segment_cell_id,
        unlisted_services.segment_size,
        cells_fixed.section,
        cells_fixed.item,
        cells_fixed.part_section,
        cells_fixed.part_item,
        unlisted_services.unit_id,
        unlisted_services.service_cost
    from unlisted_services
    inner join cells_fixed
        on
            unlisted_services.segment_cell_id = cells_fixed.segment_cell_id
            and unlisted_services.function_number = cells_fixed.function_number

),

remainder_units as (

    select
        segment_cell_id,
        segment_size,
        section,
        item,
        part_section,
        part_item,
        unit_id,
        sum(service_cost) as unit_cost
    from services_in_differences
    group by
        segment_cell_id,
        segment_size,
        section,
        item,
        part_section,
        part_item,
        unit_id

),

final as (

    select
        {{ disclosure_cell_id([
            "'remainder'", 'segment_cell_id', 'section', 'item',
            "coalesce(part_section, '')", "coalesce(part_item, '')"
        ]) }} as cell_id,
        segment_cell_id,
        section,
        item,
        part_section,
        part_item,
        count(*) as n_units,
        sum(unit_cost) as total_cost,
        max(abs(unit_cost)) as largest_unit_cost,
        sum(abs(unit_cost)) as abs_cost_sum,
        max(segment_size) as segment_size
    from remainder_units
    group by segment_cell_id, section, item, part_section, part_item

)

select * from final
