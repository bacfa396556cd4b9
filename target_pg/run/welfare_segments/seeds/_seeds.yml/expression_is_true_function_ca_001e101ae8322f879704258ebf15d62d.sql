
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."reference"."function_catalogue"
where not coalesce(((allocation_method = 'activity') = (activity_unit is not null)), false)


  
  
      
    ) dbt_internal_test