
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        ledger_state as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_ledger_postings_classified"
    group by ledger_state

)

select *
from all_values
where value_field not in (
    'deselected','direct','pooled','unallocated','quarantined'
)



  
  
      
    ) dbt_internal_test