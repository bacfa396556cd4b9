
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    analysis_year, person_id,
    count(*) as n_rows
from "welfare"."intermediate"."int_families_formed"
group by analysis_year, person_id
having count(*) > 1


  
  
      
    ) dbt_internal_test