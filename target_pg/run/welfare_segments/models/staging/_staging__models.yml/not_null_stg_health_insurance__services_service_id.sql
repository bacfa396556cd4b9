
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select service_id
from "welfare"."staging"."stg_health_insurance__services"
where service_id is null



  
  
      
    ) dbt_internal_test