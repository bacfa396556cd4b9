
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    person_id, analysis_year, function_number, allocation_method,
    count(*) as n_rows
from "welfare"."intermediate"."int_costs_allocated_to_persons"
group by person_id, analysis_year, function_number, allocation_method
having count(*) > 1


  
  
      
    ) dbt_internal_test