-- The cost lines of a profile sheet that hold the same functions by the
-- catalogue, one figure under two names (since special youth education is
-- Stevns' Health and care, Stevns' Children and learning is Skanderborg's
-- Children and youth): one row per cost line with an equal line of another
-- section, its class (the first by name of it and its equals) and whether
-- an equal line is an area. Catalogue level, read by
-- int_profile_line_relations.
with

int_cost_line_differences as (

    select * from {{ ref('int_cost_line_differences') }}

),

line_function_sets as (

    -- the functions of each cost line (the rows without a line subtracted)
    select
        section,
        item,
        function_number
    from int_cost_line_differences
    where part_section is null

),

line_function_counts as (

    select
        section,
        item,
        count(*) as n_functions
    from line_function_sets
    group by section, item

),

equal_lines as (

    -- two lines of different sections with the same functions
    select
        line_function_sets.section,
        line_function_sets.item,
        other_functions.section as equal_section,
        {{ dbt.concat([
            'other_functions.section', "'|'", 'other_functions.item'
        ]) }} as equal_line
    from line_function_sets
    inner join line_function_sets as other_functions
        on
            line_function_sets.function_number
            = other_functions.function_number
            and line_function_sets.section != other_functions.section
    inner join line_function_counts
        on
            line_function_sets.section = line_function_counts.section
            and line_function_sets.item = line_function_counts.item
    inner join line_function_counts as other_counts
        on
            other_functions.section = other_counts.section
            and other_functions.item = other_counts.item
    where line_function_counts.n_functions = other_counts.n_functions
    group by
        line_function_sets.section,
        line_function_sets.item,
        other_functions.section,
        other_functions.item
    having count(*) = max(line_function_counts.n_functions)

),

lines_and_equals as (

    select
        section,
        item,
        equal_line
    from equal_lines
    union all
    select distinct
        section,
        item,
        {{ dbt.concat(['section', "'|'", 'item']) }} as equal_line
    from equal_lines

),

line_classes as (

    select
        section,
        item,
        min(equal_line) as class_line
    from lines_and_equals
    group by section, item

),

lines_with_equal_areas as (

    select
        section,
        item,
        max(
            case when equal_section like 'area_cost_%' then 1 else 0 end
        ) = 1 as has_equal_area_line
    from equal_lines
    group by section, item

),

final as (

    select
        line_classes.section,
        line_classes.item,
        line_classes.class_line,
        lines_with_equal_areas.has_equal_area_line
    from line_classes
    inner join lines_with_equal_areas
        on
            line_classes.section = lines_with_equal_areas.section
            and line_classes.item = lines_with_equal_areas.item

)

select * from final
