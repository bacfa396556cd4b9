{#- Fails for every row of a segment table whose unit is not in the year's
    population as the unit costs count it (int_unit_costs with
    is_in_population: a citizen of the population, a family). They come
    from the population and allocation models, not from the features the
    rules read, so a rule or a join that lets in a departed person or a
    stray family id fails here. -#}
{% test segment_within_population(model) %}

with

segment_rows as (

    select * from {{ model }}

),

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

population_units as (

    select
        population,
        unit_id,
        analysis_year
    from int_unit_costs
    where is_in_population

)

select segment_rows.*
from segment_rows
left join population_units
    on
        segment_rows.population = population_units.population
        and segment_rows.unit_id = population_units.unit_id
        and segment_rows.analysis_year = population_units.analysis_year
where population_units.unit_id is null

{% endtest %}
