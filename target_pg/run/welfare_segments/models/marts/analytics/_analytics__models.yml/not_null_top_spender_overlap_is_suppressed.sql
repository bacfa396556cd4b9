
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_suppressed
from "welfare"."analytics"."top_spender_overlap"
where is_suppressed is null



  
  
      
    ) dbt_internal_test