-- The equations an outsider can write with the published figures: one row
-- per group and cell, the group's whole and its parts. Kind 'set': the parts
-- are disjoint sets of the whole's units, so whole minus parts is the count
-- and cost of the units in no part (the residual); 'count': the same for
-- counts only (the cost is of another measure); 'cost': the parts' costs add
-- up to the whole's cost; 'values': the whole is a sum of values over the
-- parts' units. The equations within one segment's sheet come from
-- int_profile_line_relations; here those across segments and marts.
-- int_cells_withheld withholds cells until no group lets a withheld or small
-- figure be recovered by subtraction. A cost line the function catalogue
-- maps no function to (Skanderborg's Other, when nothing relevant is
-- there) is 0 on every sheet, known to all: it is in no equation.
{%- set top_spender_wholes = [
    'municipal_cell_id', 'regional_cell_id', 'next_cell_id'
] %}
with

int_profile_line_relations as (

    select * from {{ ref('int_profile_line_relations') }}

),

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

int_segment_overlap_cells as (

    select * from {{ ref('int_segment_overlap_cells') }}

),

int_service_cooccurrence_cells as (

    select * from {{ ref('int_service_cooccurrence_cells') }}

),

int_cost_concentration_groups as (

    select * from {{ ref('int_cost_concentration_groups') }}

),

int_top_spender_overlap_groups as (

    select * from {{ ref('int_top_spender_overlap_groups') }}

),

int_segment_set_relations as (

    select * from {{ ref('int_segment_set_relations') }}

),

int_cost_line_differences as (

    select * from {{ ref('int_cost_line_differences') }}

),

lines_with_functions as (

    select distinct
        section,
        item
    from int_cost_line_differences
    where part_section is null

),

structural_zero_cells as (

    select int_segment_profile_cells.cell_id
    from int_segment_profile_cells
    left join lines_with_functions
        on
            int_segment_profile_cells.section = lines_with_functions.section
            and int_segment_profile_cells.item = lines_with_functions.item
    where
        (
            int_segment_profile_cells.section like 'area_cost_%'
            or int_segment_profile_cells.section = 'cost_type'
        )
        and lines_with_functions.item is null

),

lines_across_segments as (

    -- a line of a segment against the same line of its parts
    select distinct
        {{ disclosure_cell_id([
            'int_segment_set_relations.relation_id', 'wholes.section',
            'wholes.item'
        ]) }} as group_id,
        'set' as group_kind,
        wholes.cell_id,
        'whole' as cell_role
    from int_segment_set_relations
    inner join int_segment_profile_cells as wholes
        on
            int_segment_set_relations.whole_segment_id = wholes.segment_id
            and int_segment_set_relations.analysis_year = wholes.analysis_year
    inner join int_segment_profile_cells as parts
        on
            int_segment_set_relations.part_segment_id = parts.segment_id
            and int_segment_set_relations.analysis_year = parts.analysis_year
            and wholes.section = parts.section
            and wholes.item = parts.item
    union all
    select
        {{ disclosure_cell_id([
            'int_segment_set_relations.relation_id', 'wholes.section',
            'wholes.item'
        ]) }} as group_id,
        'set' as group_kind,
        parts.cell_id,
        'part' as cell_role
    from int_segment_set_relations
    inner join int_segment_profile_cells as wholes
        on
            int_segment_set_relations.whole_segment_id = wholes.segment_id
            and int_segment_set_relations.analysis_year = wholes.analysis_year
    inner join int_segment_profile_cells as parts
        on
            int_segment_set_relations.part_segment_id = parts.segment_id
            and int_segment_set_relations.analysis_year = parts.analysis_year
            and wholes.section = parts.section
            and wholes.item = parts.item

),

segment_units as (

    select distinct
        segment_id,
        population,
        analysis_year,
        segment_cell_id,
        segment_size,
        segment_cost
    from int_segment_profile_cells

),

equal_line_pairs as (

    -- a line that counts the same units as another segment (Stevns' teenage
    -- girls: the women of the teenagers' sheet) publishes that segment's
    -- size and cost again: found in the data, as equal count and cost
    select
        {{ disclosure_cell_id([
            "'same_units'", 'set_lines.cell_id', 'segment_units.segment_cell_id'
        ]) }} as group_id,
        set_lines.cell_id as line_cell_id,
        segment_units.segment_cell_id
    from int_segment_profile_cells as set_lines
    inner join segment_units
        on
            set_lines.population = segment_units.population
            and set_lines.analysis_year = segment_units.analysis_year
            and set_lines.n_units = segment_units.segment_size
            and set_lines.total_cost = segment_units.segment_cost
            and set_lines.segment_id != segment_units.segment_id
    where
        set_lines.cost_measure = 'total_cost'
        and set_lines.cell_id != set_lines.segment_cell_id
        and set_lines.n_units > 0

),

lines_equal_to_segments as (

    -- kind 'set', no residual: the line withheld with the segment
    select
        group_id,
        'set' as group_kind,
        segment_cell_id as cell_id,
        'whole' as cell_role
    from equal_line_pairs
    union all
    select
        group_id,
        'set' as group_kind,
        line_cell_id as cell_id,
        'part' as cell_role
    from equal_line_pairs

),

overlaps_in_segment as (

    -- a pair counts some of each segment's units
    select
        {{ disclosure_cell_id([
            "'in_diagonal'", 'cell_id', 'segment_id'
        ]) }} as group_id,
        'set' as group_kind,
        segment_cell_id as cell_id,
        'whole' as cell_role
    from int_segment_overlap_cells
    where segment_id != other_segment_id
    union all
    select
        {{ disclosure_cell_id([
            "'in_diagonal'", 'cell_id', 'segment_id'
        ]) }} as group_id,
        'set' as group_kind,
        cell_id,
        'part' as cell_role
    from int_segment_overlap_cells
    where segment_id != other_segment_id

),

overlaps_across_segments as (

    -- a segment's overlap with another against its overlaps with the parts
    select distinct
        {{ disclosure_cell_id([
            'int_segment_set_relations.relation_id', "'overlap'",
            'wholes.segment_id'
        ]) }} as group_id,
        'set' as group_kind,
        wholes.cell_id,
        'whole' as cell_role
    from int_segment_set_relations
    inner join int_segment_overlap_cells as wholes
        on
            int_segment_set_relations.whole_segment_id
            = wholes.other_segment_id
            and int_segment_set_relations.analysis_year = wholes.analysis_year
    union all
    select
        {{ disclosure_cell_id([
            'int_segment_set_relations.relation_id', "'overlap'",
            'wholes.segment_id'
        ]) }} as group_id,
        'set' as group_kind,
        parts.cell_id,
        'part' as cell_role
    from int_segment_set_relations
    inner join int_segment_overlap_cells as wholes
        on
            int_segment_set_relations.whole_segment_id
            = wholes.other_segment_id
            and int_segment_set_relations.analysis_year = wholes.analysis_year
    inner join int_segment_overlap_cells as parts
        on
            int_segment_set_relations.part_segment_id = parts.other_segment_id
            and wholes.segment_id = parts.segment_id
            and wholes.analysis_year = parts.analysis_year

),

cooccurrences_in_diagonal as (

    select
        {{ disclosure_cell_id([
            "'in_diagonal'", 'cell_id', 'function_number'
        ]) }} as group_id,
        'count' as group_kind,
        diagonal_cell_id as cell_id,
        'whole' as cell_role
    from int_service_cooccurrence_cells
    where function_number != other_function_number
    union all
    select
        {{ disclosure_cell_id([
            "'in_diagonal'", 'cell_id', 'function_number'
        ]) }} as group_id,
        'count' as group_kind,
        cell_id,
        'part' as cell_role
    from int_service_cooccurrence_cells
    where function_number != other_function_number

),

top_groups_ordered as (

    select
        cell_id,
        population_cell_id,
        analysis_year,
        population,
        cost_scope,
        lead(cell_id) over (
            partition by analysis_year, population, cost_scope
            order by top_percent
        ) as next_cell_id
    from int_cost_concentration_groups

),

top_groups_nested as (

    -- each top group is in the next larger, the largest in the population
    select
        {{ disclosure_cell_id(["'nested'", 'cell_id']) }} as group_id,
        'set' as group_kind,
        coalesce(next_cell_id, population_cell_id) as cell_id,
        'whole' as cell_role
    from top_groups_ordered
    union all
    select
        {{ disclosure_cell_id(["'nested'", 'cell_id']) }} as group_id,
        'set' as group_kind,
        cell_id,
        'part' as cell_role
    from top_groups_ordered

),

population_scopes as (

    -- municipal plus regional cost is the total cost
    select distinct
        {{ disclosure_cell_id([
            "'scopes'", 'analysis_year', 'population'
        ]) }} as group_id,
        'cost' as group_kind,
        population_cell_id as cell_id,
        case when cost_scope = 'total' then 'whole' else 'part' end
            as cell_role
    from top_groups_ordered

),

population_cells as (

    -- each scope's population cell and the summary line that states it
    select distinct
        population_cell_id,
        population,
        analysis_year,
        population_size,
        case
            when cost_scope = 'total' then 'units'
            else {{ dbt.concat(['cost_scope', "'_cost'"]) }}
        end as summary_item
    from int_cost_concentration_groups

),

population_lines as (

    -- a segment of the whole population (a reference segment) states the
    -- population's size and cost of each scope again, on its summary lines
    select
        population_cells.population_cell_id,
        int_segment_profile_cells.cell_id
    from population_cells
    inner join int_segment_profile_cells
        on
            population_cells.population = int_segment_profile_cells.population
            and population_cells.analysis_year
            = int_segment_profile_cells.analysis_year
            and population_cells.population_size
            = int_segment_profile_cells.segment_size
            and population_cells.summary_item = int_segment_profile_cells.item
    where int_segment_profile_cells.section = 'summary'

),

populations_in_segments as (

    select
        {{ disclosure_cell_id(["'population_line'", 'cell_id']) }}
            as group_id,
        'set' as group_kind,
        population_cell_id as cell_id,
        'whole' as cell_role
    from population_lines
    union all
    select
        {{ disclosure_cell_id(["'population_line'", 'cell_id']) }}
            as group_id,
        'set' as group_kind,
        cell_id,
        'part' as cell_role
    from population_lines

),

top_spenders_ordered as (

    select
        cell_id,
        municipal_cell_id,
        regional_cell_id,
        lead(cell_id) over (
            partition by analysis_year, population
            order by top_percent
        ) as next_cell_id
    from int_top_spender_overlap_groups

),

top_spenders_in_groups as (

    -- those in both groups are in each group, and in the next larger pair
    {%- for whole_column in top_spender_wholes %}
        select
            {{ disclosure_cell_id(["'" ~ whole_column ~ "'", 'cell_id']) }}
                as group_id,
            'count' as group_kind,
            {{ whole_column }} as cell_id,
            'whole' as cell_role
        from top_spenders_ordered
        where {{ whole_column }} is not null
        union all
        select
            {{ disclosure_cell_id(["'" ~ whole_column ~ "'", 'cell_id']) }}
                as group_id,
            'count' as group_kind,
            cell_id,
            'part' as cell_role
        from top_spenders_ordered
        where {{ whole_column }} is not null
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

relations as (

    {%- set groups = ['int_profile_line_relations',
        'lines_across_segments', 'lines_equal_to_segments',
        'overlaps_in_segment',
        'overlaps_across_segments', 'cooccurrences_in_diagonal',
        'top_groups_nested', 'population_scopes', 'top_spenders_in_groups',
        'populations_in_segments'] %}
    {%- for group in groups %}
        select
            group_id,
            group_kind,
            cell_id,
            cell_role
        from {{ group }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

final as (

    select
        relations.group_id,
        relations.group_kind,
        relations.cell_id,
        relations.cell_role
    from relations
    left join structural_zero_cells
        on relations.cell_id = structural_zero_cells.cell_id
    where structural_zero_cells.cell_id is null

)

select * from final
