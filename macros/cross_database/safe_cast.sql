{#- dbt.safe_cast compiles to a plain cast on DuckDB, which raises on bad input;
    try_cast returns null instead, so bad values can be caught and quarantined. -#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
