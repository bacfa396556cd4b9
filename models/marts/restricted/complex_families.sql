-- Complex families (Skanderborg's definition, int_complex_units) with their
-- composition and what they cost (family_costs).
with

int_complex_units as (

    select * from {{ ref('int_complex_units') }}

),

family_costs as (

    select * from {{ ref('family_costs') }}

),

final as (

    select
        family_costs.family_id,
        family_costs.analysis_year,
        family_costs.n_members,
        family_costs.n_children,
        family_costs.is_single_provider,
        family_costs.total_cost,
        family_costs.municipal_cost,
        family_costs.regional_cost,
        family_costs.n_services,
        family_costs.n_areas,
        int_complex_units.meets_service_rule,
        int_complex_units.meets_area_rule
    from int_complex_units
    inner join family_costs
        on
            int_complex_units.unit_id = family_costs.family_id
            and int_complex_units.analysis_year = family_costs.analysis_year
    where int_complex_units.population = 'families'

)

select * from final
