{#- Amounts and activity units that arrive as text are parsed by a declared
    format, so "12.500" never silently becomes 12.50 kr. The format is the var
    amount_format when given, else the amount_format the loader recorded from
    the extract's dataset.json (raw.extract_info), else 'point'. -#}
{% macro declared_amount_format() -%}
    {%- set declared = var('amount_format', none) -%}
    {%- if declared is none and execute -%}
        {%- set info = adapter.get_relation(
            database=target.database,
            schema=var('raw_schema', 'raw'),
            identifier='extract_info'
        ) -%}
        {%- if info is not none -%}
            {%- set names = adapter.get_columns_in_relation(info)
                | map(attribute='name') | map('lower') | list -%}
            {%- if 'amount_format' in names -%}
                {%- set result = run_query(
                    'select max(amount_format) from ' ~ info
                ) -%}
                {%- set declared = result.rows[0][0] -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    {%- set declared = declared or 'point' -%}
    {%- if declared not in ('point', 'danish') -%}
        {{ exceptions.raise_compiler_error(
            "amount_format is '" ~ declared ~ "': expected 'point' (1234.50) "
            ~ "or 'danish' (1.234,50)"
        ) }}
    {%- endif -%}
    {{ return(declared) }}
{%- endmacro %}

{#- True when the raw column arrived as text (only text is format-checked: a
    Parquet double 0.001 is a number, not an ambiguous "0.001"). -#}
{% macro column_is_text(relation, column) -%}
    {%- if not execute -%}{{ return(false) }}{%- endif -%}
    {%- for col in adapter.get_columns_in_relation(relation) -%}
        {%- if col.name | lower == column | lower -%}
            {%- set dtype = col.dtype | lower -%}
            {{ return(dtype in ('text', 'string') or dtype.startswith('varchar')
                or dtype.startswith('character varying')) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}

{#- The value as trimmed text: also how a non-finite number is recognised on
    every engine (DuckDB writes nan/inf, PostgreSQL and Spark NaN/Infinity). -#}
{% macro number_text(field) -%}
    trim(cast({{ field }} as {{ dbt.type_string() }}))
{%- endmacro %}

{% macro is_non_finite_text(field) -%}
    lower({{ number_text(field) }}) in (
        'nan', '+nan', '-nan', 'inf', '+inf', '-inf',
        'infinity', '+infinity', '-infinity'
    )
{%- endmacro %}

{#- A text that the declared format does not settle. -#}
{% macro is_ambiguous_number_text(field) -%}
    {%- set text = number_text(field) -%}
    {%- if declared_amount_format() == 'danish' -%}
        (
            {{ text }} like '%.%'
            and not {{ matches_pattern(text,
                '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?') }}
        )
    {%- else -%}
        (
            ({{ text }} like '%.%' and {{ text }} like '%,%')
            or {{ matches_pattern(text, '[+-]?[0-9]{1,3}[.][0-9]{3}') }}
        )
    {%- endif -%}
{%- endmacro %}

{#- The number as a double before bounds; null when it does not parse, is not
    finite or is ambiguous. -#}
{% macro parsed_number(field, relation) -%}
    {%- set text = number_text(field) -%}
    {%- if column_is_text(relation, field) -%}
        {%- if declared_amount_format() == 'danish' -%}
            {%- set normalised = "replace(replace(" ~ text ~ ", '.', ''), ',', '.')" -%}
        {%- else -%}
            {%- set normalised = text -%}
        {%- endif -%}
        case
            when
                not {{ is_non_finite_text(field) }}
                and not {{ is_ambiguous_number_text(field) }}
                then {{ dbt.safe_cast(normalised, type_double()) }}
        end
    {%- else -%}
        case
            when not {{ is_non_finite_text(field) }}
                then cast({{ field }} as {{ type_double() }})
        end
    {%- endif -%}
{%- endmacro %}

{#- Why a number cannot be used (null when it can, or when it is missing or
    simply not a number: those keep their existing reasons). noun is 'amount'
    or 'activity_units'; bound is the largest absolute value accepted. -#}
{% macro number_issue(field, relation, noun, bound) -%}
    case
        when {{ field }} is null then null
        when {{ is_non_finite_text(field) }} then 'non_finite_{{ noun }}'
        {%- if column_is_text(relation, field) %}
        when {{ is_ambiguous_number_text(field) }}
            then 'ambiguous_amount_format'
        {%- endif %}
        when abs({{ parsed_number(field, relation) }}) > {{ bound }}
            then '{{ noun }}_out_of_bounds'
    end
{%- endmacro %}

{#- The number when it can be used, else null (cast only after the checks, so
    NaN or 1e17 never reach a decimal cast). -#}
{% macro usable_number(field, relation, bound) -%}
    case
        when abs({{ parsed_number(field, relation) }}) <= {{ bound }}
            then {{ parsed_number(field, relation) }}
    end
{%- endmacro %}

{#- The parsed number where it exceeds the bound, else null: kept as a double
    beside the quarantined row, so that the kroner of a 1e12 posting are
    still accounted for against the loader's control totals. -#}
{% macro number_beyond_bound(field, relation, bound) -%}
    case
        when abs({{ parsed_number(field, relation) }}) > {{ bound }}
            then {{ parsed_number(field, relation) }}
    end
{%- endmacro %}
