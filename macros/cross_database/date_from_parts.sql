{#- A date from year, month and day expressions. -#}
{% macro date_from_parts(year, month, day) -%}
    {{ return(adapter.dispatch('date_from_parts', 'welfare_segments')(year, month, day)) }}
{%- endmacro %}

{% macro default__date_from_parts(year, month, day) -%}
    make_date(
        cast({{ year }} as integer),
        cast({{ month }} as integer),
        cast({{ day }} as integer)
    )
{%- endmacro %}
