
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."intermediate"."int_service_deliveries_weighted"
where not coalesce((days_in_year > 0), false)


  
  
      
    ) dbt_internal_test