
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select source_row_number
from "welfare"."staging"."stg_case_systems__service_deliveries"
where source_row_number is null



  
  
      
    ) dbt_internal_test