-- One row per family and year: the sum of its members' costs, with the
-- family's composition. Family level: restricted schema.
with

person_costs as (

    select * from "welfare"."restricted"."person_costs"

),

int_families_described as (

    select * from "welfare"."intermediate"."int_families_described"

),

int_families_formed as (

    select * from "welfare"."intermediate"."int_families_formed"

),

int_costs_allocated_to_persons as (

    select * from "welfare"."intermediate"."int_costs_allocated_to_persons"

),

members_summed as (

    select
        family_id,
        analysis_year,
            sum(employment_cost) as employment_cost,
            sum(children_learning_cost) as children_learning_cost,
            sum(health_care_cost) as health_care_cost,
            sum(regional_health_cost) as regional_health_cost,
            sum(employment_health_cost) as employment_health_cost,
            sum(children_youth_cost) as children_youth_cost,
            sum(disability_cost) as disability_cost,
            sum(elderly_cost) as elderly_cost,
            sum(other_cost) as other_cost,
            sum(service_cost) as service_cost,
            sum(transfer_cost) as transfer_cost,
            sum(subsidy_cost) as subsidy_cost,
        sum(municipal_cost) as municipal_cost,
        sum(regional_cost) as regional_cost,
        sum(total_cost) as total_cost
    from person_costs
    where is_in_population
    group by family_id, analysis_year

),

family_services as (

    -- a service counts when the family's members together have a positive
    -- cost on its function
    select
        int_families_formed.family_id,
        int_families_formed.analysis_year,
        int_costs_allocated_to_persons.function_number,
        min(int_costs_allocated_to_persons.area_stevns) as area_code
    from int_families_formed
    inner join int_costs_allocated_to_persons
        on
            int_families_formed.person_id
            = int_costs_allocated_to_persons.person_id
            and int_families_formed.analysis_year
            = int_costs_allocated_to_persons.analysis_year
    where int_costs_allocated_to_persons.sector = 'municipal'
    group by
        int_families_formed.family_id,
        int_families_formed.analysis_year,
        int_costs_allocated_to_persons.function_number
    having sum(int_costs_allocated_to_persons.amount) > 0

),

services_counted as (

    select
        family_id,
        analysis_year,
        count(*) as n_services,
        count(distinct area_code) as n_areas
    from family_services
    group by family_id, analysis_year

),

final as (

    select
        int_families_described.family_id,
        int_families_described.analysis_year,
        int_families_described.family_kind,
        int_families_described.n_members,
        int_families_described.n_adults,
        int_families_described.n_children,
        int_families_described.n_placed_children,
        int_families_described.has_children,
        int_families_described.is_single_provider,
        int_families_described.is_single_person,
        coalesce(members_summed.total_cost, 0) as total_cost,
        coalesce(members_summed.municipal_cost, 0) as municipal_cost,
        coalesce(members_summed.regional_cost, 0) as regional_cost,
            coalesce(members_summed.employment_cost, 0) as employment_cost,
            coalesce(members_summed.children_learning_cost, 0) as children_learning_cost,
            coalesce(members_summed.health_care_cost, 0) as health_care_cost,
            coalesce(members_summed.regional_health_cost, 0) as regional_health_cost,
            coalesce(members_summed.employment_health_cost, 0) as employment_health_cost,
            coalesce(members_summed.children_youth_cost, 0) as children_youth_cost,
            coalesce(members_summed.disability_cost, 0) as disability_cost,
            coalesce(members_summed.elderly_cost, 0) as elderly_cost,
            coalesce(members_summed.other_cost, 0) as other_cost,
            coalesce(members_summed.service_cost, 0) as service_cost,
            coalesce(members_summed.transfer_cost, 0) as transfer_cost,
            coalesce(members_summed.subsidy_cost, 0) as subsidy_cost,
        coalesce(services_counted.n_services, 0) as n_services,
        coalesce(services_counted.n_areas, 0) as n_areas
    from int_families_described
    left join members_summed
        on
            int_families_described.family_id = members_summed.family_id
            and int_families_described.analysis_year
            = members_summed.analysis_year
    left join services_counted
        on
            int_families_described.family_id = services_counted.family_id
            and int_families_described.analysis_year
            = services_counted.analysis_year

)

select * from final