
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    analysis_year, population, cost_scope, top_percent,
    count(*) as n_rows
from "welfare"."analytics"."cost_concentration"
group by analysis_year, population, cost_scope, top_percent
having count(*) > 1


  
  
      
    ) dbt_internal_test