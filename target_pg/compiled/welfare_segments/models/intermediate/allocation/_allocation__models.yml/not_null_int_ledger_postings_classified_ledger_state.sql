
    
    



select ledger_state
from "welfare"."intermediate"."int_ledger_postings_classified"
where ledger_state is null


