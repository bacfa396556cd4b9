
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select family_id
from "welfare"."restricted"."family_costs"
where family_id is null



  
  
      
    ) dbt_internal_test