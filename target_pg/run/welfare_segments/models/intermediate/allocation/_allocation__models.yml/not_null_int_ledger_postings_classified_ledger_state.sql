
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select ledger_state
from "welfare"."intermediate"."int_ledger_postings_classified"
where ledger_state is null



  
  
      
    ) dbt_internal_test