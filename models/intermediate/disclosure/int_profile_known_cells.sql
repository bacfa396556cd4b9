-- What an outsider knows of the cells of the catalogue (an area in each
-- vocabulary and a cost type, macro catalogue_cell_key) on each sheet whose
-- list of top services is not complete (or that lists none: a whole
-- population's): a cell in a line with no unit and no amount costs nothing,
-- and a cell whose services are all listed costs what they do. One row per
-- sheet with the known cells as one key (known_cells, sorted, '/' between;
-- empty when none), from which int_profile_cells_fixed finds the cells the
-- sheet's lines fix.
{%- set cost_sections = [] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- set section = 'cost_type' if fact_column == 'cost_type'
        else 'area_cost_' ~ fact_column[5:] %}
    {%- if (section, fact_column) not in cost_sections %}
        {%- do cost_sections.append((section, fact_column)) %}
    {%- endif %}
{%- endfor %}
with

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

catalogue_cells as (

    select
        {%- for section, fact_column in cost_sections %}
            {{ fact_column }},
        {%- endfor %}
        function_number,
        {{ catalogue_cell_key() }} as cell_key
    from function_catalogue
    where sector = 'municipal' and is_relevant

),

cell_sizes as (

    select
        cell_key,
        count(*) as n_functions
    from catalogue_cells
    group by cell_key

),

top_service_lines as (

    select
        segment_cell_id,
        item as function_number,
        is_complete_list
    from int_segment_profile_cells
    where section = 'top_services'

),

open_sheets as (

    select int_segment_profile_cells.segment_cell_id
    from int_segment_profile_cells
    left join top_service_lines
        on
            int_segment_profile_cells.segment_cell_id
            = top_service_lines.segment_cell_id
    group by int_segment_profile_cells.segment_cell_id
    having
        count(top_service_lines.function_number) = 0
        or max(
            case when top_service_lines.is_complete_list then 1 else 0 end
        ) = 0

),

cells_in_empty_lines as (

    {%- for section, fact_column in cost_sections %}
        select distinct
            empty_lines.segment_cell_id,
            catalogue_cells.cell_key
        from int_segment_profile_cells as empty_lines
        inner join catalogue_cells
            on empty_lines.item = catalogue_cells.{{ fact_column }}
        where
            empty_lines.section = '{{ section }}'
            and empty_lines.n_units = 0
            and empty_lines.abs_cost_sum = 0
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

cells_listed as (

    select
        top_service_lines.segment_cell_id,
        catalogue_cells.cell_key
    from top_service_lines
    inner join catalogue_cells
        on top_service_lines.function_number = catalogue_cells.function_number
    inner join cell_sizes
        on catalogue_cells.cell_key = cell_sizes.cell_key
    group by
        top_service_lines.segment_cell_id,
        catalogue_cells.cell_key
    having count(*) = max(cell_sizes.n_functions)

),

known_cells as (

    select
        segment_cell_id,
        cell_key
    from cells_in_empty_lines
    union
    select
        segment_cell_id,
        cell_key
    from cells_listed

),

final as (

    select
        open_sheets.segment_cell_id,
        coalesce(
            {{ sorted_text_list('known_cells.cell_key', "'/'") }},
            ''
        ) as known_cells
    from open_sheets
    left join known_cells
        on open_sheets.segment_cell_id = known_cells.segment_cell_id
    group by open_sheets.segment_cell_id

)

select * from final
