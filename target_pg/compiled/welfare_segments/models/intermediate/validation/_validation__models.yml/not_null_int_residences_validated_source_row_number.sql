
    
    



select source_row_number
from "welfare"."intermediate"."int_residences_validated"
where source_row_number is null


