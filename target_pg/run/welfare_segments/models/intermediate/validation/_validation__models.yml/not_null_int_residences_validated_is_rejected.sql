
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_rejected
from "welfare"."intermediate"."int_residences_validated"
where is_rejected is null



  
  
      
    ) dbt_internal_test