{#- An 8-byte floating-point type for kroner and weights. type_double()
    is a 4-byte float on DuckDB and Spark, too coarse for sums of money. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'welfare_segments')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
