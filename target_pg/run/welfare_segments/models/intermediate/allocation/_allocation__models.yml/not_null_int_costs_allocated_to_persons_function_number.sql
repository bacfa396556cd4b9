
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select function_number
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where function_number is null



  
  
      
    ) dbt_internal_test