{#- The reference date of an analysis year (vars reference_month, reference_day). -#}
{% macro reference_date(year_column) -%}
    {{ welfare_segments.date_from_parts(
        year_column, var('reference_month'), var('reference_day')
    ) }}
{%- endmacro %}

{#- Days (inclusive) that the period [start_a, end_a] shares with [start_b, end_b];
    0 when they do not overlap. -#}
{% macro overlap_days(start_a, end_a, start_b, end_b) -%}
    greatest(
        0,
        {{ dbt.datediff(
            'greatest(' ~ start_a ~ ', ' ~ start_b ~ ')',
            'least(' ~ end_a ~ ', ' ~ end_b ~ ')',
            'day'
        ) }} + 1
    )
{%- endmacro %}

{#- Whole years of age at a date. -#}
{% macro age_at(birth_date, at_date) -%}
    (
        extract(year from {{ at_date }}) - extract(year from {{ birth_date }})
        - case
            when extract(month from {{ at_date }}) * 100 + extract(day from {{ at_date }})
                < extract(month from {{ birth_date }}) * 100 + extract(day from {{ birth_date }})
                then 1
            else 0
        end
    )
{%- endmacro %}
