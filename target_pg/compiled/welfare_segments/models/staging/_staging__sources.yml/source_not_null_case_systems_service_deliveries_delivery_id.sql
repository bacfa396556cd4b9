
    
    



select delivery_id
from "welfare"."raw"."service_deliveries"
where delivery_id is null


