-- The cells of the catalogue (an area in each vocabulary and a cost type)
-- whose cost each open sheet's lines fix together although no line is the
-- cell alone, given what the outsider knows of the others
-- (int_profile_known_cells): Stevns' Children and learning less
-- Skanderborg's Children and youth is special youth education. Found by
-- Gaussian elimination (macro determined_cost_cells) once per distinct set
-- of known cells, which this model reads from the built
-- int_profile_known_cells when it runs, with the lines of the other
-- vocabularies and cost types that, withheld, leave the cell unfixed. One
-- row per sheet, fixed cell and such line.
-- depends_on: {{ ref('function_catalogue') }}, {{ ref('area_vocabulary') }}
{%- set known_sets = [] %}
{%- if execute %}
    {%- set known_relation = ref('int_profile_known_cells') %}
    {%- if adapter.get_relation(
        known_relation.database, known_relation.schema, known_relation.identifier
    ) is not none %}
        {%- for row in run_query(
            'select distinct known_cells from ' ~ known_relation
        ).rows %}
            {%- do known_sets.append(row[0]) %}
        {%- endfor %}
    {%- endif %}
{%- endif %}
with

int_profile_known_cells as (

    select * from {{ ref('int_profile_known_cells') }}

),

fixed_by_known_cells as (

    {%- for known in known_sets %}
        {%- for fixed in determined_cost_cells(known.split('/')) %}
            {%- for section, item in fixed['lines'] %}
                select
                    '{{ known }}' as known_cells,
                    '{{ fixed['cell'] }}' as cell_key,
                    '{{ section }}' as section,
                    '{{ item }}' as item
                union all
            {%- endfor %}
        {%- endfor %}
    {%- endfor %}
    select
        known_cells,
        known_cells as cell_key,
        known_cells as section,
        known_cells as item
    from int_profile_known_cells
    where 1 = 0

),

final as (

    select
        int_profile_known_cells.segment_cell_id,
        fixed_by_known_cells.cell_key,
        fixed_by_known_cells.section,
        fixed_by_known_cells.item
    from int_profile_known_cells
    inner join fixed_by_known_cells
        on
            int_profile_known_cells.known_cells
            = fixed_by_known_cells.known_cells

)

select * from final
