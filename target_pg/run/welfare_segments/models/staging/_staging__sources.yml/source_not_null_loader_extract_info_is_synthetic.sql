
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_synthetic
from "welfare"."raw"."extract_info"
where is_synthetic is null



  
  
      
    ) dbt_internal_test