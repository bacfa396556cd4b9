
    
    



select is_rejected
from "welfare"."intermediate"."int_health_insurance_services_validated"
where is_rejected is null


