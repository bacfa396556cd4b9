
    
    



select source_row_number
from "welfare"."raw"."service_deliveries"
where source_row_number is null


