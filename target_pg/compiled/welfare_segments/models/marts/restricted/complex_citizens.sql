-- Complex citizens (Skanderborg's definition): total cost at least
-- var complex_citizen_min_cost AND (at least var complex_min_services municipal
-- services OR services from at least var complex_min_areas areas).
with

person_costs as (

    select * from "welfare"."restricted"."person_costs"

),

rules_applied as (

    select
        *,
        total_cost >= 100000 as meets_cost_rule,
        n_services >= 3 as meets_service_rule,
        n_areas >= 2 as meets_area_rule
    from person_costs
    where is_in_population

),

final as (

    select
        person_id,
        analysis_year,
        family_id,
        sex,
        age_at_reference_date,
        total_cost,
        municipal_cost,
        regional_cost,
        n_services,
        n_areas,
        meets_service_rule,
        meets_area_rule
    from rules_applied
    where meets_cost_rule and (meets_service_rule or meets_area_rule)

)

select * from final