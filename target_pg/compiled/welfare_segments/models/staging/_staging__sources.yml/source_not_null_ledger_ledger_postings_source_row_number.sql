
    
    



select source_row_number
from "welfare"."raw"."ledger_postings"
where source_row_number is null


