
    
    

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


