
    
    



select source_row_number
from "welfare"."quarantine"."rejected_rows"
where source_row_number is null


