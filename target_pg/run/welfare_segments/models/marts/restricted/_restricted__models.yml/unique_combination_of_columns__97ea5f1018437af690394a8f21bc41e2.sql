
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    population, analysis_year, cost_scope, unit_id,
    count(*) as n_rows
from "welfare"."restricted"."unit_cost_ranks"
group by population, analysis_year, cost_scope, unit_id
having count(*) > 1


  
  
      
    ) dbt_internal_test