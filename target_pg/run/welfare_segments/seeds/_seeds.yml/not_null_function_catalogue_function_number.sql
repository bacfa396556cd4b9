
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select function_number
from "welfare"."reference"."function_catalogue"
where function_number is null



  
  
      
    ) dbt_internal_test