
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."restricted"."complex_citizens"
where not coalesce((total_cost >= 100000), false)


  
  
      
    ) dbt_internal_test