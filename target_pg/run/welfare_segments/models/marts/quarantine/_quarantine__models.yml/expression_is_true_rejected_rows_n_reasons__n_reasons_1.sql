
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."quarantine"."rejected_rows"
where not coalesce((n_reasons >= 1), false)


  
  
      
    ) dbt_internal_test