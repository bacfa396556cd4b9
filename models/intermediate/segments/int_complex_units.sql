-- The complex citizens and complex families of each year (Skanderborg's
-- definition): a total cost of at least var complex_citizen_min_cost
-- (citizens) or complex_family_min_cost (families) AND at least var
-- complex_min_services municipal services OR services from at least var
-- complex_min_areas areas. The one home of the rule: complex_citizens and
-- complex_families publish it, the co-occurrence matrices count among them.
with

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

rules_applied as (

    select
        population,
        unit_id,
        analysis_year,
        total_cost >= case
            when population = 'citizens'
                then {{ var('complex_citizen_min_cost') }}
            else {{ var('complex_family_min_cost') }}
        end as meets_cost_rule,
        n_services >= {{ var('complex_min_services') }} as meets_service_rule,
        n_areas >= {{ var('complex_min_areas') }} as meets_area_rule
    from int_unit_costs
    where is_in_population

),

final as (

    select
        population,
        unit_id,
        analysis_year,
        meets_service_rule,
        meets_area_rule
    from rules_applied
    where meets_cost_rule and (meets_service_rule or meets_area_rule)

)

select * from final
