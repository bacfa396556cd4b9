
    
    



select source_row_number
from "welfare"."raw"."health_insurance_services"
where source_row_number is null


