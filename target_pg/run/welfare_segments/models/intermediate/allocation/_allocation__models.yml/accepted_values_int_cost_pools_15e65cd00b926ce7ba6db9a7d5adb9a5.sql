
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        allocation_method as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_cost_pools_allocated"
    group by allocation_method

)

select *
from all_values
where value_field not in (
    'activity','average'
)



  
  
      
    ) dbt_internal_test