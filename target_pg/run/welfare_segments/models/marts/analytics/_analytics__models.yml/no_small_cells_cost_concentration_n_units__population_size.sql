
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."analytics"."cost_concentration"
where
    (n_units > 0 and n_units < 5) or
    (population_size > 0 and population_size < 5)


  
  
      
    ) dbt_internal_test