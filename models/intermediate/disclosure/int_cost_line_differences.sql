-- The functions of each cost line of a profile sheet (an area of either
-- vocabulary, a cost type, the municipal or regional cost) by the
-- catalogue, and of each difference of two lines an outsider can take: a
-- line less a line of another section whose functions it holds all of and
-- more (Stevns' Children and learning less Skanderborg's Children and youth
-- is special youth education alone). One row per line, subtracted line
-- (null: nothing subtracted) and function of the difference; 'regional'
-- stands for the region's cost (a regional area, the regional functions'
-- cost type, regional_cost). Catalogue level: int_profile_remainder_cells
-- takes it to each segment.
{%- set fact_columns = [] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- if fact_column not in fact_columns %}
        {%- do fact_columns.append(fact_column) %}
    {%- endif %}
{%- endfor %}
with

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

area_vocabulary as (

    select * from {{ ref('area_vocabulary') }}

),

line_functions as (

    {%- for fact_column in fact_columns %}
        select
            '{{ 'cost_type' if fact_column == 'cost_type'
                else 'area_cost_' ~ fact_column[5:] }}' as section,
            {{ fact_column }} as item,
            function_number
        from function_catalogue
        where sector = 'municipal' and is_relevant
        union all
    {%- endfor %}
    select
        'summary' as section,
        'municipal_cost' as item,
        function_number
    from function_catalogue
    where sector = 'municipal' and is_relevant
    union all
    select
        {{ dbt.concat(["'area_cost_'", 'vocabulary']) }} as section,
        area_code as item,
        'regional' as function_number
    from area_vocabulary
    where sector = 'regional'
    union all
    select distinct
        'cost_type' as section,
        cost_type as item,
        'regional' as function_number
    from function_catalogue
    where sector = 'regional'
    union all
    select
        'summary' as section,
        'regional_cost' as item,
        'regional' as function_number

),

lines_sized as (

    select
        section,
        item,
        count(*) as n_functions
    from line_functions
    group by section, item

),

line_pairs as (

    -- a line and a line of another section whose functions it holds all of
    -- and more; and each line alone (nothing subtracted)
    select
        whole_functions.section,
        whole_functions.item,
        part_functions.section as part_section,
        part_functions.item as part_item
    from line_functions as whole_functions
    inner join line_functions as part_functions
        on
            whole_functions.function_number = part_functions.function_number
            and whole_functions.section != part_functions.section
    inner join lines_sized as whole_sizes
        on
            whole_functions.section = whole_sizes.section
            and whole_functions.item = whole_sizes.item
    inner join lines_sized as part_sizes
        on
            part_functions.section = part_sizes.section
            and part_functions.item = part_sizes.item
    group by
        whole_functions.section,
        whole_functions.item,
        part_functions.section,
        part_functions.item
    having
        count(*) = max(part_sizes.n_functions)
        and max(whole_sizes.n_functions) > max(part_sizes.n_functions)
    union all
    select
        section,
        item,
        cast(null as {{ dbt.type_string() }}) as part_section,
        cast(null as {{ dbt.type_string() }}) as part_item
    from lines_sized

),

line_differences as (

    select
        line_pairs.section,
        line_pairs.item,
        line_pairs.part_section,
        line_pairs.part_item,
        whole_functions.function_number
    from line_pairs
    inner join line_functions as whole_functions
        on
            line_pairs.section = whole_functions.section
            and line_pairs.item = whole_functions.item
    left join line_functions as part_functions
        on
            line_pairs.part_section = part_functions.section
            and line_pairs.part_item = part_functions.item
            and whole_functions.function_number = part_functions.function_number
    where part_functions.function_number is null

),

final as (

    select * from line_differences

)

select * from final
