
    
    



select source_row_number
from "welfare"."intermediate"."int_service_deliveries_validated"
where source_row_number is null


