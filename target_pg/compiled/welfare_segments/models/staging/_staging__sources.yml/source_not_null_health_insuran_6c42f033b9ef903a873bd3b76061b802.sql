
    
    



select service_id
from "welfare"."raw"."health_insurance_services"
where service_id is null


