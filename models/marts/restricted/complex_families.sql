-- Complex families (Skanderborg's definition): total cost at least
-- var complex_family_min_cost AND (at least var complex_min_services municipal
-- services OR services from at least var complex_min_areas areas).
with

family_costs as (

    select * from {{ ref('family_costs') }}

),

rules_applied as (

    select
        *,
        total_cost >= {{ var('complex_family_min_cost') }} as meets_cost_rule,
        n_services >= {{ var('complex_min_services') }} as meets_service_rule,
        n_areas >= {{ var('complex_min_areas') }} as meets_area_rule
    from family_costs

),

final as (

    select
        family_id,
        analysis_year,
        n_members,
        n_children,
        is_single_provider,
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
