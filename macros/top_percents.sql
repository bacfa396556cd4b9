{#- The concentration cut-offs of var top_percents as rows of one column,
    top_percent, for joining. -#}
{% macro top_percents_relation() -%}
    {%- for top_percent in var('top_percents') %}
    select cast({{ top_percent }} as integer) as top_percent
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}

{#- The size of the costliest top_percent % of population_size units:
    round(N * p / 100), as the reports count (1 % of 22,586 citizens = 226).
    floor(x + 0.5) rounds the same on every engine. -#}
{% macro top_group_size(population_size, top_percent) -%}
    cast(floor({{ population_size }} * {{ top_percent }} / 100.0 + 0.5) as integer)
{%- endmacro %}
