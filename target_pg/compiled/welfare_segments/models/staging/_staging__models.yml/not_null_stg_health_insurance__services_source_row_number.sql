
    
    



select source_row_number
from "welfare"."staging"."stg_health_insurance__services"
where source_row_number is null


