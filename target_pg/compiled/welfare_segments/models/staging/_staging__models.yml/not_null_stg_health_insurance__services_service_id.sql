
    
    



select service_id
from "welfare"."staging"."stg_health_insurance__services"
where service_id is null


