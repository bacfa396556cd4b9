
    
    



select posting_id
from "welfare"."raw"."ledger_postings"
where posting_id is null


