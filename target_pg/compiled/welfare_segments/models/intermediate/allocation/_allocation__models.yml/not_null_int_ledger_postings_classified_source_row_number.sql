
    
    



select source_row_number
from "welfare"."intermediate"."int_ledger_postings_classified"
where source_row_number is null


