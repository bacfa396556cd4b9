
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select service_name_da
from "welfare"."reference"."function_catalogue"
where service_name_da is null



  
  
      
    ) dbt_internal_test