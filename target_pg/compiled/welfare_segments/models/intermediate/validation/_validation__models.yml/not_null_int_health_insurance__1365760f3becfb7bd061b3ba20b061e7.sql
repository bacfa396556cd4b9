
    
    



select source_row_number
from "welfare"."intermediate"."int_health_insurance_services_validated"
where source_row_number is null


