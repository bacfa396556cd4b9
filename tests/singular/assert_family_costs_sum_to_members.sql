-- Each family's costs are the sum of its members' costs (single persons are
-- in no family).
with

family_costs as (

    select * from {{ ref('family_costs') }}

),

person_costs as (

    select * from {{ ref('person_costs') }}

),

members_summed as (

    select
        family_id,
        analysis_year,
        count(*) as n_members,
        sum(total_cost) as total_cost,
        sum(municipal_cost) as municipal_cost,
        sum(regional_cost) as regional_cost
    from person_costs
    where is_in_population and family_id is not null
    group by family_id, analysis_year

)

select
    family_costs.family_id,
    family_costs.analysis_year,
    family_costs.total_cost,
    members_summed.total_cost as members_total_cost
from family_costs
full outer join members_summed
    on
        family_costs.family_id = members_summed.family_id
        and family_costs.analysis_year = members_summed.analysis_year
where
    family_costs.family_id is null
    or members_summed.family_id is null
    or family_costs.n_members <> members_summed.n_members
    or abs(family_costs.total_cost - members_summed.total_cost)
    > {{ var('reconciliation_tolerance') }}
    or abs(family_costs.municipal_cost - members_summed.municipal_cost)
    > {{ var('reconciliation_tolerance') }}
    or abs(family_costs.regional_cost - members_summed.regional_cost)
    > {{ var('reconciliation_tolerance') }}
