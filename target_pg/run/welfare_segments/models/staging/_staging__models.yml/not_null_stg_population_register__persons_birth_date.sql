
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select birth_date
from "welfare"."staging"."stg_population_register__persons"
where birth_date is null



  
  
      
    ) dbt_internal_test