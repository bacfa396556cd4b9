
    
    



select delivery_id
from "welfare"."staging"."stg_case_systems__service_deliveries"
where delivery_id is null


