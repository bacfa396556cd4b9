
    
    



select source_row_number
from "welfare"."intermediate"."int_hospital_contacts_validated"
where source_row_number is null


