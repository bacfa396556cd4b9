
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(total_cost - municipal_cost - regional_cost) <= 0.01), false)


  
  
      
    ) dbt_internal_test