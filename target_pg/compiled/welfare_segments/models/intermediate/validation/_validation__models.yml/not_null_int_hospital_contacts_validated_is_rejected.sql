
    
    



select is_rejected
from "welfare"."intermediate"."int_hospital_contacts_validated"
where is_rejected is null


