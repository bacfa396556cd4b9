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

{#- Parse an amount of kroner (text by the declared amount_format, or a
    number) into type_money(); null when it is not a usable number (why:
    number_issue). -#}
{% macro to_money(field, relation) -%}
    cast({{ usable_number(field, relation, var('max_abs_amount')) }}
        as {{ type_money() }})
{%- endmacro %}
