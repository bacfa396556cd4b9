
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."analytics"."cost_concentration"
where not coalesce((is_suppressed = (n_units is null or population_size is null)), false)


  
  
      
    ) dbt_internal_test