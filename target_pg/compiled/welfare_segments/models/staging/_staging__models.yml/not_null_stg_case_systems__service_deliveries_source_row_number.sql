
    
    



select source_row_number
from "welfare"."staging"."stg_case_systems__service_deliveries"
where source_row_number is null


