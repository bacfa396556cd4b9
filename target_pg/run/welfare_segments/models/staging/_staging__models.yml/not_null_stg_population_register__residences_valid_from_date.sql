
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select valid_from_date
from "welfare"."staging"."stg_population_register__residences"
where valid_from_date is null



  
  
      
    ) dbt_internal_test