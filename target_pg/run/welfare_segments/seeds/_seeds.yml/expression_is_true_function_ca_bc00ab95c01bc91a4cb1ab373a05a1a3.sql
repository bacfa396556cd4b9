
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."reference"."function_catalogue"
where not coalesce((is_relevant or allocation_method = 'none'), false)


  
  
      
    ) dbt_internal_test