
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select area_skanderborg
from "welfare"."reference"."function_catalogue"
where area_skanderborg is null



  
  
      
    ) dbt_internal_test