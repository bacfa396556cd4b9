
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."analytics"."top_spender_overlap"
where
    (n_units > 0 and n_units < 5) or
    (n_top_municipal > 0 and n_top_municipal < 5) or
    (n_top_regional > 0 and n_top_regional < 5) or
    (n_in_both > 0 and n_in_both < 5)


  
  
      
    ) dbt_internal_test