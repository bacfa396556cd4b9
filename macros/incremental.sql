{#- Config of the monthly incremental models: each run reprocesses the latest
    month already built and every later one, and keeps the earlier months.
    DuckDB and PostgreSQL replace those months with delete+insert on the month
    column; Spark overwrites their partitions (merge needs Delta or Iceberg,
    which are not available here). -#}
{% macro monthly_incremental_config(month_column='booking_month') -%}
    {%- if target.type == 'spark' -%}
        {{ return({
            'materialized': 'incremental',
            'incremental_strategy': 'insert_overwrite',
            'partition_by': [month_column],
            'on_schema_change': 'fail',
        }) }}
    {%- else -%}
        {{ return({
            'materialized': 'incremental',
            'incremental_strategy': 'delete+insert',
            'unique_key': month_column,
            'on_schema_change': 'fail',
        }) }}
    {%- endif -%}
{%- endmacro %}

{#- The month of a date as yyyymm, 0 when the date did not parse (those rows
    are reprocessed on every run). -#}
{% macro booking_month(date_column) -%}
    coalesce(
        cast(
            extract(year from {{ date_column }}) * 100
            + extract(month from {{ date_column }})
            as integer
        ),
        0
    )
{%- endmacro %}

{#- In an incremental run: only the months from the latest one built on, and
    the rows without a parseable date. -#}
{% macro new_months_only(month_column) -%}
    {%- if is_incremental() %}
    where
        {{ month_column }} = 0
        or {{ month_column }} >= (
            select coalesce(max(built.{{ month_column }}), 0)
            from {{ this }} as built
            where built.{{ month_column }} > 0
        )
    {%- endif %}
{%- endmacro %}
