
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    person_id, related_person_id, relation_type,
    count(*) as n_rows
from "welfare"."staging"."stg_population_register__relations"
group by person_id, related_person_id, relation_type
having count(*) > 1


  
  
      
    ) dbt_internal_test