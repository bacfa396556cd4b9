{#- Fails for every row of a segment table whose unit is not in the year's
    population (int_units_described: the citizens resident on the reference
    date and the families formed on it). -#}
{% test segment_within_population(model) %}

with

segment_rows as (

    select * from {{ model }}

),

int_units_described as (

    select * from {{ ref('int_units_described') }}

)

select segment_rows.*
from segment_rows
left join int_units_described
    on
        segment_rows.population = int_units_described.population
        and segment_rows.unit_id = int_units_described.unit_id
        and segment_rows.analysis_year = int_units_described.analysis_year
where int_units_described.unit_id is null

{% endtest %}
