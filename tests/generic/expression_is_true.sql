{#- Fails for every row where the expression is not true (null counts as not
    true). Offline stand-in for dbt_utils.expression_is_true. -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not coalesce(({{ expression }}), false)

{% endtest %}
