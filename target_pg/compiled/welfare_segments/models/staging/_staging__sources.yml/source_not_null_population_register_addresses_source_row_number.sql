
    
    



select source_row_number
from "welfare"."raw"."addresses"
where source_row_number is null


