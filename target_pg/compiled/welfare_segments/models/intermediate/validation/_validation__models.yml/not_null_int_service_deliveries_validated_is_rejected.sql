
    
    



select is_rejected
from "welfare"."intermediate"."int_service_deliveries_validated"
where is_rejected is null


