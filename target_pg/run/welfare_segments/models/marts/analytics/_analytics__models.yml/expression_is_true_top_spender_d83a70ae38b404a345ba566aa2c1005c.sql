
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."analytics"."top_spender_overlap"
where not coalesce((is_suppressed or (n_in_both <= n_top_municipal and n_in_both <= n_top_regional)), false)


  
  
      
    ) dbt_internal_test