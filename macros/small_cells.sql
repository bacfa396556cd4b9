{#- True when a count may be published: zero, or at least var min_cell_size
    (default 5). The reports print "-" where fewer persons are behind a cell. -#}
{% macro is_publishable(count_expression) -%}
    ({{ count_expression }} = 0 or {{ count_expression }} >= {{ var('min_cell_size') }})
{%- endmacro %}

{#- The value when the count behind it may be published, else null. -#}
{% macro suppress_small_cell(value_expression, count_expression) -%}
    case
        when {{ is_publishable(count_expression) }} then {{ value_expression }}
    end
{%- endmacro %}
