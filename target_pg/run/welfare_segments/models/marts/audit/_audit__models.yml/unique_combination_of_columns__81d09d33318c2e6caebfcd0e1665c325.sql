
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    analysis_year, function_number, cost_centre,
    count(*) as n_rows
from "welfare"."audit"."allocation_reconciliation"
group by analysis_year, function_number, cost_centre
having count(*) > 1


  
  
      
    ) dbt_internal_test