
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    analysis_year, population, top_percent,
    count(*) as n_rows
from "welfare"."analytics"."top_spender_overlap"
group by analysis_year, population, top_percent
having count(*) > 1


  
  
      
    ) dbt_internal_test