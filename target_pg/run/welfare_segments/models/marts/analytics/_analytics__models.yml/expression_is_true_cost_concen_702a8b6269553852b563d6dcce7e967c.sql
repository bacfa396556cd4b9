
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."analytics"."cost_concentration"
where not coalesce((share_of_cost is null or (share_of_cost >= 0 and share_of_cost <= 1.000001)), false)


  
  
      
    ) dbt_internal_test