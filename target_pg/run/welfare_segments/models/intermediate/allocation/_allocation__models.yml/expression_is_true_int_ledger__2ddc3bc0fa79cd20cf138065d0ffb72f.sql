
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select *
from "welfare"."intermediate"."int_ledger_postings_classified"
where not coalesce((ledger_state = 'quarantined' or analysis_year is not null), false)


  
  
      
    ) dbt_internal_test