-- One row per person and year: what the person cost the municipality and the
-- region, by area and cost type. Person level: restricted schema.
with

int_costs_allocated_to_persons as (

    select * from "welfare"."intermediate"."int_costs_allocated_to_persons"

),

int_families_formed as (

    select * from "welfare"."intermediate"."int_families_formed"

),

costs_summed as (

    select
        person_id,
        analysis_year,
            sum(
                case
                    when area_stevns = 'arbejdsmarked' then amount else 0
                end
            )
                as employment_cost,
            sum(
                case
                    when area_stevns = 'boern_laering' then amount else 0
                end
            )
                as children_learning_cost,
            sum(
                case
                    when area_stevns = 'sundhed_omsorg' then amount else 0
                end
            )
                as health_care_cost,
            sum(
                case
                    when area_stevns = 'sundhedsvaesen' then amount else 0
                end
            )
                as regional_health_cost,
            sum(
                case
                    when area_skanderborg = 'beskaeftigelse_sundhed' then amount else 0
                end
            )
                as employment_health_cost,
            sum(
                case
                    when area_skanderborg = 'boern_unge' then amount else 0
                end
            )
                as children_youth_cost,
            sum(
                case
                    when area_skanderborg = 'handicap' then amount else 0
                end
            )
                as disability_cost,
            sum(
                case
                    when area_skanderborg = 'aeldre' then amount else 0
                end
            )
                as elderly_cost,
            sum(
                case
                    when area_skanderborg = 'oevrige' then amount else 0
                end
            )
                as other_cost,
            sum(
                case
                    when cost_type = 'indsats' then amount else 0
                end
            )
                as service_cost,
            sum(
                case
                    when cost_type = 'overfoersel' then amount else 0
                end
            )
                as transfer_cost,
            sum(
                case
                    when cost_type = 'tilskud' then amount else 0
                end
            )
                as subsidy_cost,
        sum(case when sector = 'municipal' then amount else 0 end)
            as municipal_cost,
        sum(case when sector = 'regional' then amount else 0 end)
            as regional_cost,
        sum(amount) as total_cost
    from int_costs_allocated_to_persons
    group by person_id, analysis_year

),

municipal_services as (

    -- a service counts when the person has a positive cost on its function
    select
        person_id,
        analysis_year,
        function_number,
        min(area_stevns) as area_code
    from int_costs_allocated_to_persons
    where sector = 'municipal'
    group by person_id, analysis_year, function_number
    having sum(amount) > 0

),

services_counted as (

    select
        person_id,
        analysis_year,
        count(*) as n_services,
        count(distinct area_code) as n_areas
    from municipal_services
    group by person_id, analysis_year

),

persons_in_scope as (

    select
        person_id,
        analysis_year
    from int_families_formed
    union
    select
        person_id,
        analysis_year
    from costs_summed

),

final as (

    select
        persons_in_scope.person_id,
        persons_in_scope.analysis_year,
        int_families_formed.person_id is not null as is_in_population,
        int_families_formed.family_id,
        int_families_formed.sex,
        int_families_formed.age_at_reference_date,
        coalesce(int_families_formed.is_child, false) as is_child,
        coalesce(costs_summed.total_cost, 0) as total_cost,
        coalesce(costs_summed.municipal_cost, 0) as municipal_cost,
        coalesce(costs_summed.regional_cost, 0) as regional_cost,
            coalesce(costs_summed.employment_cost, 0) as employment_cost,
            coalesce(costs_summed.children_learning_cost, 0) as children_learning_cost,
            coalesce(costs_summed.health_care_cost, 0) as health_care_cost,
            coalesce(costs_summed.regional_health_cost, 0) as regional_health_cost,
            coalesce(costs_summed.employment_health_cost, 0) as employment_health_cost,
            coalesce(costs_summed.children_youth_cost, 0) as children_youth_cost,
            coalesce(costs_summed.disability_cost, 0) as disability_cost,
            coalesce(costs_summed.elderly_cost, 0) as elderly_cost,
            coalesce(costs_summed.other_cost, 0) as other_cost,
            coalesce(costs_summed.service_cost, 0) as service_cost,
            coalesce(costs_summed.transfer_cost, 0) as transfer_cost,
            coalesce(costs_summed.subsidy_cost, 0) as subsidy_cost,
        coalesce(services_counted.n_services, 0) as n_services,
        coalesce(services_counted.n_areas, 0) as n_areas
    from persons_in_scope
    left join int_families_formed
        on
            persons_in_scope.person_id = int_families_formed.person_id
            and persons_in_scope.analysis_year
            = int_families_formed.analysis_year
    left join costs_summed
        on
            persons_in_scope.person_id = costs_summed.person_id
            and persons_in_scope.analysis_year = costs_summed.analysis_year
    left join services_counted
        on
            persons_in_scope.person_id = services_counted.person_id
            and persons_in_scope.analysis_year = services_counted.analysis_year

)

select * from final