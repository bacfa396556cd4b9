
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."audit"."allocation_reconciliation"
where not coalesce((abs(difference) <= 0.01), false)


  
  
      
    ) dbt_internal_test