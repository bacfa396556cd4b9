{#- Fails for every row that publishes a count between 1 and
    var('min_cell_size') - 1 in any of the given columns. -#}
{% test no_small_cells(model, count_columns) %}

select *
from {{ model }}
where
    {%- for column in count_columns %}
    ({{ column }} > 0 and {{ column }} < {{ var('min_cell_size') }})
    {%- if not loop.last %} or{% endif %}
    {%- endfor %}

{% endtest %}
