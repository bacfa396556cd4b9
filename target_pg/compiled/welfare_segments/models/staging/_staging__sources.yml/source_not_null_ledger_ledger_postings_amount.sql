
    
    



select amount
from "welfare"."raw"."ledger_postings"
where amount is null


