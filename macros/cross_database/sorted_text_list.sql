{#- The texts of a group in order, joined by a delimiter (an aggregate):
    dbt's listagg, whose order_by Spark ignores. -#}
{% macro sorted_text_list(measure, delimiter_text) -%}
    {{ return(adapter.dispatch('sorted_text_list', 'welfare_segments')(measure, delimiter_text)) }}
{%- endmacro %}

{% macro default__sorted_text_list(measure, delimiter_text) -%}
    {{ dbt.listagg(measure, delimiter_text, 'order by ' ~ measure) }}
{%- endmacro %}

{% macro spark__sorted_text_list(measure, delimiter_text) -%}
    array_join(array_sort(collect_list({{ measure }})), {{ delimiter_text }})
{%- endmacro %}
