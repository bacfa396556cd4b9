
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select service_name
from "welfare"."reference"."function_catalogue"
where service_name is null



  
  
      
    ) dbt_internal_test