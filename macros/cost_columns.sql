{#- The cost columns that person and family marts share: one per area of each
    vocabulary of the reports and one per cost type. Each entry is the column
    name, the fact column it filters on and the value. Keep in step with the
    area_vocabulary and cost_types seeds (a data test checks that every area
    and cost type in the catalogue has a column). -#}
{% macro cost_breakdown_columns() -%}
    {{ return([
        ('employment_cost', 'area_stevns', 'arbejdsmarked'),
        ('children_learning_cost', 'area_stevns', 'boern_laering'),
        ('health_care_cost', 'area_stevns', 'sundhed_omsorg'),
        ('regional_health_cost', 'area_stevns', 'sundhedsvaesen'),
        ('employment_health_cost', 'area_skanderborg', 'beskaeftigelse_sundhed'),
        ('children_youth_cost', 'area_skanderborg', 'boern_unge'),
        ('disability_cost', 'area_skanderborg', 'handicap'),
        ('elderly_cost', 'area_skanderborg', 'aeldre'),
        ('other_cost', 'area_skanderborg', 'oevrige'),
        ('service_cost', 'cost_type', 'indsats'),
        ('transfer_cost', 'cost_type', 'overfoersel'),
        ('subsidy_cost', 'cost_type', 'tilskud'),
    ]) }}
{%- endmacro %}

{#- The area column of the fact table that var area_vocabulary selects. -#}
{% macro area_column() -%}
    {%- set vocabulary = var('area_vocabulary') -%}
    {%- if vocabulary not in ['stevns', 'skanderborg'] -%}
        {{ exceptions.raise_compiler_error(
            "var area_vocabulary must be 'stevns' or 'skanderborg', got '"
            ~ vocabulary ~ "'"
        ) }}
    {%- endif -%}
    area_{{ vocabulary }}
{%- endmacro %}

{#- The age band of an age, from the lower bounds in var age_bands
    (default 0, 13, 18, 30, 50, 65, 80): '0-12', '13-17', ..., '80+'. -#}
{% macro age_band(age_column) -%}
    {{ band_label(age_column, var('age_bands')) }}
{%- endmacro %}

{#- The band of a value from ascending lower bounds: 'lower-upper' (upper =
    the next bound - 1), 'lower' when the band holds one whole number,
    'lower+' for the last band, '<first' below the first bound. -#}
{% macro band_label(value_expression, bounds) -%}
    case
        {%- for lower in bounds | reverse %}
            {%- set position = bounds | length - loop.index %}
            {%- if position == bounds | length - 1 %}
        when {{ value_expression }} >= {{ lower }} then '{{ lower }}+'
            {%- elif bounds[position + 1] - 1 == lower %}
        when {{ value_expression }} >= {{ lower }} then '{{ lower }}'
            {%- else %}
        when {{ value_expression }} >= {{ lower }}
            then '{{ lower }}-{{ bounds[position + 1] - 1 }}'
            {%- endif %}
        {%- endfor %}
        else '<{{ bounds[0] }}'
    end
{%- endmacro %}

{#- Every band of ascending lower bounds as (rank, label), as band_label and
    band_rank name them: rank 0 ('<first') first. -#}
{% macro band_labels(bounds) -%}
    {%- set labels = [(0, '<' ~ bounds[0])] -%}
    {%- for lower in bounds -%}
        {%- if loop.last -%}
            {%- do labels.append((loop.index, lower ~ '+')) -%}
        {%- elif bounds[loop.index] - 1 == lower -%}
            {%- do labels.append((loop.index, lower | string)) -%}
        {%- else -%}
            {%- do labels.append(
                (loop.index, lower ~ '-' ~ (bounds[loop.index] - 1))
            ) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(labels) }}
{%- endmacro %}

{#- The position of a value's band (band_label) for sorting: 1 for the first
    band, 0 below it. -#}
{% macro band_rank(value_expression, bounds) -%}
    case
        {%- for lower in bounds | reverse %}
        when {{ value_expression }} >= {{ lower }}
            then {{ bounds | length - loop.index + 1 }}
        {%- endfor %}
        else 0
    end
{%- endmacro %}
