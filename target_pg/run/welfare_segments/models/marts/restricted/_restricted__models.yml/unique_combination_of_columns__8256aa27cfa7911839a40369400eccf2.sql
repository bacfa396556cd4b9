
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    person_id, analysis_year,
    count(*) as n_rows
from "welfare"."restricted"."person_costs"
group by person_id, analysis_year
having count(*) > 1


  
  
      
    ) dbt_internal_test