{#- Fails for every row of a segment table whose unit is not in the year's
    population as the cost marts count it: a citizen of person_costs with
    is_in_population, a family of family_costs. The marts come from the
    population and allocation models, not from the features the rules read,
    so a rule or a join that lets in a departed person or a stray family id
    fails here. -#}
{% test segment_within_population(model) %}

with

segment_rows as (

    select * from {{ model }}

),

person_costs as (

    select * from {{ ref('person_costs') }}

),

family_costs as (

    select * from {{ ref('family_costs') }}

),

population_units as (

    {{ population_units() }}

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
