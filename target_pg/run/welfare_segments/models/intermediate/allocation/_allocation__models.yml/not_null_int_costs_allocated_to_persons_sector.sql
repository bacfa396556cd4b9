
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select sector
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where sector is null



  
  
      
    ) dbt_internal_test