
    
    



select booking_date
from "welfare"."raw"."ledger_postings"
where booking_date is null


