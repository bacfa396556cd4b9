
    
    



select person_id
from "welfare"."raw"."service_deliveries"
where person_id is null


