
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(regional_cost - regional_health_cost) <= 0.01), false)


  
  
      
    ) dbt_internal_test