
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select analysis_year
from "welfare"."analytics"."allocation_coverage"
where analysis_year is null



  
  
      
    ) dbt_internal_test