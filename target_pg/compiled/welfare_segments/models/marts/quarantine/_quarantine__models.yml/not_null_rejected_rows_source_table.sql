
    
    



select source_table
from "welfare"."quarantine"."rejected_rows"
where source_table is null


