
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select service_id
from "welfare"."raw"."health_insurance_services"
where service_id is null



  
  
      
    ) dbt_internal_test