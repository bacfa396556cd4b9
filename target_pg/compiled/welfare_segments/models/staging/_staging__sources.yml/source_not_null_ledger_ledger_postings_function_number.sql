
    
    



select function_number
from "welfare"."raw"."ledger_postings"
where function_number is null


