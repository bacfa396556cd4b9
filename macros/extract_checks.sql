{#- on-run-start: an empty, partial or repeated extract stops the build with
    one line naming the table and month, instead of building green marts of
    missing data. Checked on the raw tables, before any model runs. -#}
{% macro check_extract() %}
    {%- if execute -%}
        {%- set schema = var('raw_schema', 'raw') -%}
        {%- for table in var('required_raw_tables') -%}
            {%- set relation = adapter.get_relation(
                database=target.database, schema=schema, identifier=table
            ) -%}
            {%- if relation is none -%}
                {{ exceptions.raise_compiler_error(
                    "Refusing to build: " ~ schema ~ "." ~ table ~ " is missing;"
                    ~ " load the extract first (welfare-segments load)."
                ) }}
            {%- endif -%}
            {%- if run_query('select count(*) from ' ~ relation).rows[0][0] == 0 -%}
                {{ exceptions.raise_compiler_error(
                    "Refusing to build: " ~ schema ~ "." ~ table ~ " is empty;"
                    ~ " a required table of the extract has no rows."
                ) }}
            {%- endif -%}
        {%- endfor -%}
        {%- do check_ledger_months(schema) -%}
        {%- do check_against_previous_load(schema) -%}
    {%- endif -%}
    select 1 as extract_checked
{% endmacro %}

{#- Every month of an analysis year up to the extract's last month has
    postings, and no month repeats its own postings under other posting ids
    (the same month sent twice). Analysis years are var analysis_years, or
    every year with at least half as many postings as the busiest. -#}
{% macro check_ledger_months(schema) %}
    {%- set ledger = schema ~ '.ledger_postings' -%}
    {%- set booking_date = dbt.safe_cast('booking_date', 'date') -%}
    {%- set months = run_query(
        'select booking_month, sum(n_copies) as n_postings, '
        ~ 'sum(case when n_copies > 1 then n_copies else 0 end) as n_repeated '
        ~ 'from (select '
        ~ 'cast(extract(year from ' ~ booking_date ~ ') * 100 '
        ~ '+ extract(month from ' ~ booking_date ~ ') as integer) '
        ~ 'as booking_month, count(*) as n_copies from ' ~ ledger
        ~ ' where ' ~ booking_date ~ ' is not null group by '
        ~ 'booking_date, function_number, cost_centre, amount, '
        ~ 'person_id, source_system) as contents '
        ~ 'group by booking_month order by booking_month'
    ).rows -%}
    {%- set by_year = {} -%}
    {%- set present = [] -%}
    {%- for month, n_postings, n_repeated in months -%}
        {%- do present.append(month | int) -%}
        {%- set year = (month // 100) | int -%}
        {%- do by_year.update({year: by_year.get(year, 0) + n_postings}) -%}
        {%- if n_postings > 0 and n_repeated / n_postings
            > var('max_repeated_posting_share') -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: month " ~ month ~ " of " ~ ledger ~ ": "
                ~ n_repeated ~ " of its " ~ n_postings ~ " postings repeat "
                ~ "another posting of the month in everything but posting_id "
                ~ "(more than var max_repeated_posting_share = "
                ~ var('max_repeated_posting_share') ~ "): was the month sent "
                ~ "twice under new ids?"
            ) }}
        {%- endif -%}
    {%- endfor -%}
    {%- if present | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set last_month = present | max -%}
    {%- set busiest = by_year.values() | max -%}
    {%- set years = var('analysis_years') or (
        by_year.items() | selectattr(1, 'ge', busiest / 2)
        | map(attribute=0) | list
    ) -%}
    {%- for year in years | sort -%}
        {%- for month_of_year in range(1, 13) -%}
            {%- set month = year * 100 + month_of_year -%}
            {%- if month <= last_month and month not in present -%}
                {{ exceptions.raise_compiler_error(
                    "Refusing to build: " ~ ledger ~ " has no posting in month "
                    ~ month ~ " of analysis year " ~ year ~ ", though the "
                    ~ "extract runs to " ~ last_month ~ ": a partial extract?"
                ) }}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
{% endmacro %}

{#- A table that shrank sharply since the previous load (the loader keeps
    that load's control totals in previous_load_control_totals) is an
    extract cut short, not a municipality that lost half its residents. -#}
{% macro check_against_previous_load(schema) %}
    {%- set previous = adapter.get_relation(
        database=target.database, schema=schema,
        identifier='previous_load_control_totals'
    ) -%}
    {%- if previous is none or var('min_rows_share_of_previous_load') <= 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set compared = run_query(
        'select previous_rows.table_name, previous_rows.n_rows, '
        ~ 'coalesce(current_rows.n_rows, 0) from '
        ~ '(select table_name, sum(n_rows) as n_rows from ' ~ previous
        ~ ' group by table_name) as previous_rows left join '
        ~ '(select table_name, sum(n_rows) as n_rows from ' ~ schema
        ~ '.load_control_totals group by table_name) as current_rows '
        ~ 'on previous_rows.table_name = current_rows.table_name '
        ~ 'order by previous_rows.table_name'
    ).rows -%}
    {%- for table_name, n_before, n_now in compared -%}
        {%- if n_now < n_before * var('min_rows_share_of_previous_load') -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: " ~ schema ~ "." ~ table_name ~ " has "
                ~ n_now ~ " rows, against " ~ n_before ~ " in the previous "
                ~ "load (less than var min_rows_share_of_previous_load = "
                ~ var('min_rows_share_of_previous_load') ~ "): an extract "
                ~ "cut short? Build with --vars "
                ~ "'{min_rows_share_of_previous_load: 0}' if it is meant."
            ) }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
