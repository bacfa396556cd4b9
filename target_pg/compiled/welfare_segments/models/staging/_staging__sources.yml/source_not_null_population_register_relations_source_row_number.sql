
    
    



select source_row_number
from "welfare"."raw"."relations"
where source_row_number is null


