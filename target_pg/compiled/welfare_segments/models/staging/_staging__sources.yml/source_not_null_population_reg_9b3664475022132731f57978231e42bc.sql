
    
    



select source_row_number
from "welfare"."raw"."residences"
where source_row_number is null


