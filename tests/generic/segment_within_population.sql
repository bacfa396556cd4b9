{#- Fails for every row of a segment table whose unit is not in the year's
    population: citizens resident on the reference date, families formed on
    it. -#}
{% test segment_within_population(model) %}

with

segment_rows as (

    select * from {{ model }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

population_units as (

    select
        'citizens' as population,
        person_id as unit_id,
        analysis_year
    from int_families_formed
    union all
    select
        'families' as population,
        family_id as unit_id,
        analysis_year
    from int_families_described

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
