
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select cost_type
from "welfare"."reference"."cost_types"
where cost_type is null



  
  
      
    ) dbt_internal_test