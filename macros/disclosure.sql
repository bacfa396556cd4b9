{#- Disclosure control across tables (int_cells_withheld). Every published
    figure is a cell with an id; equal figures in two marts share one id. -#}

{#- A cell id: the parts, as text, joined by '|'. -#}
{% macro disclosure_cell_id(parts) -%}
    {%- set texts = [] -%}
    {%- for part in parts -%}
        {%- if not loop.first -%}{%- do texts.append("'|'") -%}{%- endif -%}
        {%- do texts.append('cast(' ~ part ~ ' as ' ~ dbt.type_string() ~ ')') -%}
    {%- endfor -%}
    {{ dbt.concat(texts) }}
{%- endmacro %}

{#- The cell of a segment's size and cost in a year: the profile sheet's
    units line and the overlap diagonal. -#}
{% macro segment_cell_id(segment_expression, year_expression) -%}
    {{ disclosure_cell_id(["'segment'", segment_expression, year_expression]) }}
{%- endmacro %}

{#- 1 when the condition holds, else 0 (flags as integers: max() over a
    boolean is not portable). -#}
{% macro flag(condition) -%}
    case when {{ condition }} then 1 else 0 end
{%- endmacro %}

{#- The groups the passes work on: the relations (group_id, group_kind,
    cell_id, cell_role) and every cell in a group of its own (kind 'self'),
    so that each pass keeps it. An empty cell stays in its groups: a whole
    withheld beside published empty parts would be recovered as 0. -#}
{% macro disclosure_groups(relations, cells) -%}
    select
        group_id,
        group_kind,
        cell_id,
        cell_role
    from {{ relations }}
    union all
    select
        {{ disclosure_cell_id(["'self'", 'cell_id']) }} as group_id,
        'self' as group_kind,
        cell_id,
        'whole' as cell_role
    from {{ cells }}
{%- endmacro %}

{#- One pass of complementary suppression: the common table expressions
    <current>_members and <current>, the cell states after the pass, from
    the states <previous> (cell_id, n_units, is_empty, is_derived,
    count_withheld, cost_withheld, suppression_reason) and the relations
    (group_id, group_kind, cell_id, cell_role; every cell also in a group of
    its own, kind 'self'). A derived cell (a remainder an outsider computes,
    never published) is never the one withheld to protect another: it is
    known as long as the figures it comes from are.

    In a group a whole cell equals its parts plus a residual (the units of
    the whole in no part; kind 'cost': the parts' costs add up to the
    whole's, their counts do not). Where an outsider who knows the whole and
    the published parts could recover a withheld part, the whole (from all
    parts) or a count of 1 to min_cell_size - 1 units (one unknown, or the sum
    of several), the smallest published part with units is withheld too (the
    whole when there is none). Counts first; a withheld count withholds the
    cost; costs alike for kinds 'set' and 'cost'. Kind 'values': the figures
    of the whole add up to the same sum as the parts weighted by their value,
    so one or two withheld parts, or a single withheld figure of the whole,
    withhold a further part (the whole when no part is left). Kind
    'together': costs that are known sums of the same few unknowns, all
    withheld once one is; kind 'follow': the parts' costs withheld with the
    whole's; kind 'balance': parts (no whole) of two sides with the same
    sum, so that no part may be the only one withheld. -#}
{% macro disclosure_pass_ctes(previous, current, relations) -%}
{%- set k = var('min_cell_size') %}
{{ current }}_members as (

    select
        {{ relations }}.group_id,
        {{ relations }}.group_kind,
        {{ relations }}.cell_role,
        {{ previous }}.cell_id,
        {{ previous }}.n_units,
        {{ previous }}.is_empty,
        {{ previous }}.is_derived,
        {{ previous }}.count_withheld,
        {{ previous }}.cost_withheld,
        {{ previous }}.suppression_reason
    from {{ previous }}
    inner join {{ relations }}
        on {{ previous }}.cell_id = {{ relations }}.cell_id

),

{{ current }}_groups as (

    select
        *,
        max(case when cell_role = 'whole' then n_units end)
            over (partition by group_id)
            as whole_n,
        max(case when cell_role = 'whole' then count_withheld end)
            over (partition by group_id)
            as whole_count_withheld,
        max(case when cell_role = 'whole' then cost_withheld end)
            over (partition by group_id)
            as whole_cost_withheld,
        sum(case when cell_role = 'part' then n_units else 0 end)
            over (partition by group_id)
            as parts_n,
        sum(
            case
                when cell_role = 'part' and count_withheld = 0
                    then n_units
                else 0
            end
        ) over (partition by group_id) as published_parts_n,
        sum(
            {{ flag("cell_role = 'part' and count_withheld = 1 and n_units > 0") }}
        ) over (partition by group_id) as withheld_count_parts,
        sum(
            {{ flag("cell_role = 'whole' and count_withheld = 1") }}
        ) over (partition by group_id) as withheld_count_wholes,
        sum(
            {{ flag("cell_role = 'part' and cost_withheld = 1") }}
        ) over (partition by group_id) as withheld_cost_parts,
        max(
            {{ flag("cell_role = 'part' and count_withheld = 0 and n_units > 0 and is_derived = 0") }}
        ) over (partition by group_id) as has_count_candidate,
        -- a part without units can carry a cost too (net amounts): the last
        -- resort when no part with units is left, an empty one (no unit, no
        -- amount) after all others
        max(
            {{ flag("cell_role = 'part' and cost_withheld = 0 and is_derived = 0") }}
        ) over (partition by group_id) as has_cost_candidate,
        row_number() over (
            partition by group_id
            order by
                case
                    when
                        cell_role = 'whole'
                        and count_withheld = 0
                        and n_units > 0
                        then 0
                    when cell_role = 'whole' and count_withheld = 0 then 1
                    else 2
                end,
                n_units asc,
                cell_id asc
        ) as whole_rank,
        row_number() over (
            partition by group_id
            order by
                case
                    when
                        cell_role = 'part'
                        and count_withheld = 0
                        and n_units > 0
                        and is_derived = 0
                        then 0
                    else 1
                end,
                n_units asc,
                cell_id asc
        ) as count_candidate_rank,
        row_number() over (
            partition by group_id
            order by
                case
                    when
                        cell_role = 'part'
                        and cost_withheld = 0
                        and n_units > 0
                        and is_derived = 0
                        then 0
                    when
                        cell_role = 'part'
                        and cost_withheld = 0
                        and is_empty = 0
                        and is_derived = 0
                        then 1
                    when
                        cell_role = 'part'
                        and cost_withheld = 0
                        and is_derived = 0
                        then 2
                    else 3
                end,
                n_units asc,
                cell_id asc
        ) as cost_candidate_rank
    from {{ current }}_members

),

{{ current }}_known as (

    -- a derived part is known only while the figures it is derived from
    -- are: in its group (kind 'cost') once the whole or another part is
    -- withheld, it is unknown too
    select
        *,
        {{ flag(
            "is_derived = 1 and cost_withheld = 0 and group_kind = 'cost'"
            ~ " and (whole_cost_withheld = 1 or withheld_cost_parts > 0)"
        ) }} as is_derived_unknown
    from {{ current }}_groups

),

{{ current }}_rules as (

    select
        *,
        case
            when group_kind in ('set', 'count') then whole_n - parts_n
            else 0
        end as residual_n,
        withheld_cost_parts
        + sum(is_derived_unknown) over (partition by group_id)
            as unknown_cost_parts
    from {{ current }}_known

),

{{ current }}_violations as (

    select
        *,
        case
            when group_kind not in ('set', 'count') then 0
            when
                whole_count_withheld = 0
                and withheld_count_parts
                + {{ flag('residual_n > 0') }} = 1
                and (
                    withheld_count_parts = 1
                    or residual_n between 1 and {{ k - 1 }}
                )
                then 1
            when
                whole_count_withheld = 0
                and withheld_count_parts
                + {{ flag('residual_n > 0') }} >= 2
                and whole_n - published_parts_n between 1 and {{ k - 1 }}
                then 1
            when
                whole_count_withheld = 1
                and whole_n > 0
                and withheld_count_parts = 0
                and residual_n = 0
                then 1
            else 0
        end as is_count_violated,
        -- kind 'values': with the parts' own group (the bands add up to the
        -- segment) two equations; one or two withheld parts follow from
        -- them and the published whole, and a single withheld figure of the
        -- whole from the parts. A further part is withheld (a line by value
        -- rather than an area's or a service's figure), the whole when no
        -- part is left
        case
            when group_kind != 'values' then 0
            when
                whole_count_withheld = 0
                and withheld_count_parts between 1 and 2
                then 1
            when
                withheld_count_wholes = 1
                and withheld_count_parts = 0
                then 1
            else 0
        end as is_value_violated,
        case
            -- kind 'balance': the parts of two sides that add up to the same
            -- sum, so a lone withheld part follows from the others
            when group_kind = 'balance' then {{ flag('unknown_cost_parts = 1') }}
            when group_kind not in ('set', 'cost') then 0
            when
                whole_cost_withheld = 0
                and unknown_cost_parts = 1
                and not (group_kind = 'set' and residual_n > 0)
                then 1
            when
                whole_cost_withheld = 1
                and whole_n > 0
                and unknown_cost_parts = 0
                and not (group_kind = 'set' and residual_n > 0)
                then 1
            else 0
        end as is_cost_violated,
        -- kind 'together': costs published all or none; 'follow': the
        -- parts' costs withheld with the whole's
        {{ flag("(group_kind = 'together' and withheld_cost_parts > 0) or (group_kind = 'follow' and whole_cost_withheld = 1)") }}
            as is_together_violated
    from {{ current }}_rules

),

{{ current }}_decided as (

    select
        cell_id,
        n_units,
        is_empty,
        is_derived,
        suppression_reason,
        count_withheld,
        cost_withheld,
        case
            when count_withheld = 1 then 1
            when
                is_value_violated = 1
                and has_count_candidate = 1
                and count_candidate_rank = 1
                then 1
            when
                is_value_violated = 1
                and has_count_candidate = 0
                and cell_role = 'whole'
                and whole_rank = 1
                then 1
            when is_count_violated = 0 then 0
            when
                has_count_candidate = 1
                and count_candidate_rank = 1
                then 1
            when
                has_count_candidate = 0
                and cell_role = 'whole'
                then 1
            else 0
        end as new_count_withheld,
        case
            when cost_withheld = 1 then 1
            when is_together_violated = 1 then 1
            when is_derived_unknown = 1 then 1
            when is_cost_violated = 0 then 0
            when
                has_cost_candidate = 1
                and cost_candidate_rank = 1
                then 1
            when
                has_cost_candidate = 0
                and cell_role = 'whole'
                then 1
            else 0
        end as new_cost_withheld
    from {{ current }}_violations

),

{{ current }} as (

    select
        cell_id,
        max(n_units) as n_units,
        max(is_empty) as is_empty,
        max(is_derived) as is_derived,
        max(new_count_withheld) as count_withheld,
        greatest(max(new_count_withheld), max(new_cost_withheld))
            as cost_withheld,
        coalesce(
            max(suppression_reason),
            case
                when
                    max(new_count_withheld) = 1
                    or max(new_cost_withheld) = 1
                    then 'complementary'
            end
        ) as suppression_reason
    from {{ current }}_decided
    group by cell_id

)
{%- endmacro %}

{#- The cell of the catalogue a function belongs to: its value of each
    column of cost_breakdown_columns (an area in each vocabulary and a cost
    type), joined by '|'. -#}
{% macro catalogue_cell_key(relation='') -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    {%- set parts = [] -%}
    {%- for column_name, fact_column, value in cost_breakdown_columns() -%}
        {%- if prefix ~ fact_column not in parts -%}
            {%- if parts -%}{%- do parts.append("'|'") -%}{%- endif -%}
            {%- do parts.append(prefix ~ fact_column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}

{#- The cells of the catalogue (catalogue_cell_key) whose cost the cost
    lines of a sheet fix together, by Gaussian elimination over the lines
    (each area, each cost type, municipal_cost, regional_cost; the region's
    cost a cell of its own), when the cells in known (empty on the sheet, or
    with all their services listed) are known; a cell that is the only
    unknown of a line is left out (the line less what is known,
    int_cost_line_differences' remainder of the line). For each, the lines
    of the other vocabularies and the cost types that, withheld, leave it
    unfixed (those of var area_vocabulary and the sector costs stay): a list
    of {'cell': key, 'lines': [(section, item)]}. Reads the seeds: empty
    while dbt parses or before they are loaded. -#}
{% macro determined_cost_cells(known=[]) -%}
    {%- set catalogue = ref('function_catalogue') -%}
    {%- if not execute or adapter.get_relation(
        catalogue.database, catalogue.schema, catalogue.identifier
    ) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set fact_columns = [] -%}
    {%- set line_keys = [] -%}
    {%- set secondary_lines = [] -%}
    {%- for column_name, fact_column, value in cost_breakdown_columns() -%}
        {%- if fact_column not in fact_columns -%}{%- do fact_columns.append(fact_column) -%}{%- endif -%}
        {%- do line_keys.append(fact_column ~ '=' ~ value) -%}
        {%- if fact_column != 'area_' ~ var('area_vocabulary') -%}
            {%- do secondary_lines.append(fact_column ~ '=' ~ value) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do line_keys.append('summary=municipal_cost') -%}
    {%- do line_keys.append('summary=regional_cost') -%}
    {%- set found = run_query(
        'select distinct ' ~ fact_columns | join(', ') ~ ' from '
        ~ catalogue ~ " where sector = 'municipal' and is_relevant"
    ) -%}
    {%- set cells = [] -%}
    {%- for row in found.rows -%}
        {%- set cell = {'key': row.values() | join('|'), 'lines': ['summary=municipal_cost']} -%}
        {%- for fact_column in fact_columns -%}
            {%- do cell['lines'].append(fact_column ~ '=' ~ row[loop.index0]) -%}
        {%- endfor -%}
        {%- if cell['key'] not in known -%}{%- do cells.append(cell) -%}{%- endif -%}
    {%- endfor -%}
    {#- the region's cost: in the regional areas, the regional functions'
        cost type and regional_cost -#}
    {%- set regional = {'key': none, 'lines': ['summary=regional_cost']} -%}
    {%- for row in run_query(
        'select vocabulary, area_code from ' ~ ref('area_vocabulary') ~ " where sector = 'regional'"
    ).rows -%}
        {%- do regional['lines'].append('area_' ~ row[0] ~ '=' ~ row[1]) -%}
    {%- endfor -%}
    {%- for row in run_query(
        'select distinct cost_type from ' ~ catalogue ~ " where sector = 'regional'"
    ).rows -%}
        {%- do regional['lines'].append('cost_type=' ~ row[0]) -%}
    {%- endfor -%}
    {%- do cells.append(regional) -%}
    {%- set determined = [] -%}
    {%- set fixed_by_all = fixed_cost_cells(cells, line_keys) -%}
    {%- for index in range(cells | length) -%}
        {%- set cell = cells[index] -%}
        {%- set alone = namespace(found=false) -%}
        {%- for key in cell['lines'] -%}
            {%- set holders = [] -%}
            {%- for other in cells -%}
                {%- if key in other['lines'] -%}{%- do holders.append(other) -%}{%- endif -%}
            {%- endfor -%}
            {%- if holders | length == 1 -%}{%- set alone.found = true -%}{%- endif -%}
        {%- endfor -%}
        {%- if cell['key'] is not none and not alone.found and index in fixed_by_all -%}
            {#- every secondary line withheld, then each published again
                that leaves the cell unfixed -#}
            {%- set state = namespace(withheld=secondary_lines) -%}
            {%- for line in secondary_lines -%}
                {%- set trial = [] -%}
                {%- for other in state.withheld -%}
                    {%- if other != line -%}{%- do trial.append(other) -%}{%- endif -%}
                {%- endfor -%}
                {%- set published = [] -%}
                {%- for key in line_keys -%}
                    {%- if key not in trial -%}{%- do published.append(key) -%}{%- endif -%}
                {%- endfor -%}
                {%- if index not in fixed_cost_cells(cells, published) -%}
                    {%- set state.withheld = trial -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set lines = [] -%}
            {%- for key in state.withheld -%}
                {%- set column, value = key.split('=', 1) -%}
                {%- do lines.append((
                    'cost_type' if column == 'cost_type' else 'area_cost_' ~ column[5:],
                    value
                )) -%}
            {%- endfor -%}
            {%- do determined.append({'cell': cell['key'], 'lines': lines}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(determined) }}
{%- endmacro %}

{#- The cells (their places in cells) whose cost the lines (keys
    'column=value') fix: Gaussian elimination over the lines, a row per line
    and a column per cell; a cell is fixed when a reduced row is that cell
    alone. -#}
{% macro fixed_cost_cells(cells, line_keys) -%}
    {%- set matrix = [] -%}
    {%- for key in line_keys -%}
        {%- set row = [] -%}
        {%- for cell in cells -%}
            {%- do row.append(1.0 if key in cell['lines'] else 0.0) -%}
        {%- endfor -%}
        {%- do matrix.append(row) -%}
    {%- endfor -%}
    {%- set state = namespace(rows=matrix, rank=0) -%}
    {%- for column in range(cells | length) -%}
        {%- set pivot = namespace(index=none) -%}
        {%- for i in range(state.rank, state.rows | length) -%}
            {%- if pivot.index is none and (state.rows[i][column] | abs) > 1e-9 -%}
                {%- set pivot.index = i -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if pivot.index is not none -%}
            {%- set pivot_row = [] -%}
            {%- for value in state.rows[pivot.index] -%}
                {%- do pivot_row.append(value / state.rows[pivot.index][column]) -%}
            {%- endfor -%}
            {%- set reduced = [] -%}
            {%- for i in range(state.rows | length) -%}
                {%- if i == state.rank -%}
                    {%- do reduced.append(pivot_row) -%}
                {%- else -%}
                    {#- the pivot's row and the row at rank trade places -#}
                    {%- set source = state.rows[state.rank] if i == pivot.index else state.rows[i] -%}
                    {%- set factor = source[column] -%}
                    {%- set new_row = [] -%}
                    {%- for j in range(pivot_row | length) -%}
                        {%- do new_row.append(source[j] - factor * pivot_row[j]) -%}
                    {%- endfor -%}
                    {%- do reduced.append(new_row) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set state.rows = reduced -%}
            {%- set state.rank = state.rank + 1 -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set fixed = [] -%}
    {%- for row in state.rows -%}
        {%- set nonzero = [] -%}
        {%- for value in row -%}
            {%- if (value | abs) > 1e-9 -%}{%- do nonzero.append(loop.index0) -%}{%- endif -%}
        {%- endfor -%}
        {%- if nonzero | length == 1 -%}{%- do fixed.append(nonzero[0]) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(fixed) }}
{%- endmacro %}
