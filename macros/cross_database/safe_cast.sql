{#- dbt.safe_cast compiles to a plain cast on DuckDB and PostgreSQL, which
    raises on bad input. Ours return null instead, so bad values can be caught
    and quarantined. -#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro postgres__safe_cast(field, type) -%}
    {%- if type | lower == 'date' -%}
        public.welfare_try_date(cast({{ field }} as text))
    {%- elif type | lower in ('double precision', 'double', 'float8') -%}
        public.welfare_try_double(cast({{ field }} as text))
    {%- else -%}
        cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}

{% macro spark__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
