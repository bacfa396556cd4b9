-- Complex citizens (Skanderborg's definition, int_complex_units) with who
-- they are and what they cost (person_costs).
with

int_complex_units as (

    select * from {{ ref('int_complex_units') }}

),

person_costs as (

    select * from {{ ref('person_costs') }}

),

final as (

    select
        person_costs.person_id,
        person_costs.analysis_year,
        person_costs.family_id,
        person_costs.sex,
        person_costs.age_at_reference_date,
        person_costs.total_cost,
        person_costs.municipal_cost,
        person_costs.regional_cost,
        person_costs.n_services,
        person_costs.n_areas,
        int_complex_units.meets_service_rule,
        int_complex_units.meets_area_rule
    from int_complex_units
    inner join person_costs
        on
            int_complex_units.unit_id = person_costs.person_id
            and int_complex_units.analysis_year = person_costs.analysis_year
    where int_complex_units.population = 'citizens'

)

select * from final
