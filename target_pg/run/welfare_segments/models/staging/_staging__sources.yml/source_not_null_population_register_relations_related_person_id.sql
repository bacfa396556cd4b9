
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select related_person_id
from "welfare"."raw"."relations"
where related_person_id is null



  
  
      
    ) dbt_internal_test