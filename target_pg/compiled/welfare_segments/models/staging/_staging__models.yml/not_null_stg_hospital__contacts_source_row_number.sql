
    
    



select source_row_number
from "welfare"."staging"."stg_hospital__contacts"
where source_row_number is null


