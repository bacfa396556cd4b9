
    
    



select is_rejected
from "welfare"."intermediate"."int_ledger_postings_validated"
where is_rejected is null


