
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select primary_reason
from "welfare"."quarantine"."rejected_rows"
where primary_reason is null



  
  
      
    ) dbt_internal_test