
    
    



select source_row_number
from "welfare"."raw"."persons"
where source_row_number is null


