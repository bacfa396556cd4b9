
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- person_costs carries every krone of the cost fact, per year and sector.
with

person_costs as (

    select * from "welfare"."restricted"."person_costs"

),

int_costs_allocated_to_persons as (

    select * from "welfare"."intermediate"."int_costs_allocated_to_persons"

),

persons_summed as (

    select
        analysis_year,
        sum(municipal_cost) as municipal_cost,
        sum(regional_cost) as regional_cost,
        sum(total_cost) as total_cost
    from person_costs
    group by analysis_year

),

facts_summed as (

    select
        analysis_year,
        sum(case when sector = 'municipal' then amount else 0 end)
            as municipal_cost,
        sum(case when sector = 'regional' then amount else 0 end)
            as regional_cost,
        sum(amount) as total_cost
    from int_costs_allocated_to_persons
    group by analysis_year

)

select
    facts_summed.analysis_year,
    facts_summed.total_cost as fact_total_cost,
    persons_summed.total_cost as person_total_cost
from facts_summed
left join persons_summed
    on facts_summed.analysis_year = persons_summed.analysis_year
where
    persons_summed.analysis_year is null
    or abs(facts_summed.municipal_cost - persons_summed.municipal_cost)
    > 0.01
    or abs(facts_summed.regional_cost - persons_summed.regional_cost)
    > 0.01
    or abs(facts_summed.total_cost - persons_summed.total_cost)
    > 0.01
  
  
      
    ) dbt_internal_test