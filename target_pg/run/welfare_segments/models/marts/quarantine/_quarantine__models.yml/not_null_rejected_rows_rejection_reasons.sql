
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select rejection_reasons
from "welfare"."quarantine"."rejected_rows"
where rejection_reasons is null



  
  
      
    ) dbt_internal_test