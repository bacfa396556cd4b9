
    
    



select source_row_number
from "welfare"."raw"."hospital_contacts"
where source_row_number is null


