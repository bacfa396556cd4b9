{#- Kroner to the øre, as an exact decimal: sums are exact and the same on
    every engine and every run, whatever the order of addition. -#}
{% macro type_money() -%}
    {{ return(adapter.dispatch('type_money', 'welfare_segments')()) }}
{%- endmacro %}

{% macro default__type_money() -%}
    numeric(18, 2)
{%- endmacro %}

{% macro spark__type_money() -%}
    decimal(18, 2)
{%- endmacro %}

{#- Parse an amount of kroner (text or number) into type_money(); null when it
    is not a number. -#}
{% macro to_money(field) -%}
    cast({{ dbt.safe_cast(field, type_double()) }} as {{ type_money() }})
{%- endmacro %}
