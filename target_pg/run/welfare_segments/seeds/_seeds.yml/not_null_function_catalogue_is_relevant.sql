
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_relevant
from "welfare"."reference"."function_catalogue"
where is_relevant is null



  
  
      
    ) dbt_internal_test