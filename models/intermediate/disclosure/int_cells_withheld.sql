-- Which published figures are withheld, and why, for every cell of
-- int_disclosure_cells. Primary rules: a count of 1 to var min_cell_size - 1
-- units (small_cell), a figure about a segment of 1 to min_cell_size - 1
-- units (small_segment), a cost of which one unit carries more than var
-- dominance_max_share (dominance: the cost is withheld, the count is not).
-- Then var disclosure_passes passes of complementary suppression over the
-- groups of int_disclosure_relations (macro disclosure_pass_ctes), so that no
-- withheld figure and no count of 1 to min_cell_size - 1 units follows from
-- the published ones by subtraction; the test assert_disclosure_converged
-- stops the build when a further pass would still withhold more.
{%- set k = var('min_cell_size') %}
{%- set passes = var('disclosure_passes') %}
with

int_disclosure_cells as (

    select * from {{ ref('int_disclosure_cells') }}

),

int_disclosure_relations as (

    select * from {{ ref('int_disclosure_relations') }}

),

relations_with_self as (

    {{ disclosure_groups('int_disclosure_relations', 'int_disclosure_cells') }}

),

primary_rules as (

    select
        cell_id,
        n_units,
        {{ flag('n_units = 0 and abs_cost_sum = 0') }} as is_empty,
        {{ flag("cell_source = 'profile_remainder'") }} as is_derived,
        case
            when base_units between 1 and {{ k - 1 }} then 'small_segment'
            when n_units between 1 and {{ k - 1 }} then 'small_cell'
            when
                has_cost = 1
                and abs_cost_sum > 0
                and largest_unit_cost
                > {{ var('dominance_max_share') }} * abs_cost_sum
                then 'dominance'
        end as suppression_reason
    from int_disclosure_cells

),

pass_0 as (

    select
        cell_id,
        n_units,
        is_empty,
        is_derived,
        {{ flag("suppression_reason in ('small_segment', 'small_cell')") }}
            as count_withheld,
        {{ flag('suppression_reason is not null') }} as cost_withheld,
        suppression_reason
    from primary_rules

),

{%- for i in range(1, passes + 1) %}
    {{ disclosure_pass_ctes(
        'pass_' ~ (i - 1), 'pass_' ~ i, 'relations_with_self'
    ) }},
{%- endfor %}

final as (

    select
        cell_id,
        n_units,
        is_empty = 1 as is_empty,
        is_derived = 1 as is_derived,
        count_withheld = 1 as is_count_withheld,
        cost_withheld = 1 as is_cost_withheld,
        count_withheld = 1 or cost_withheld = 1 as is_withheld,
        suppression_reason
    from pass_{{ passes }}

)

select * from final
