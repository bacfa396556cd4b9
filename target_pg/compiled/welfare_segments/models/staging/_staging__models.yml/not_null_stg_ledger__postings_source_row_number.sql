
    
    



select source_row_number
from "welfare"."staging"."stg_ledger__postings"
where source_row_number is null


