
    
    



select contact_id
from "welfare"."raw"."hospital_contacts"
where contact_id is null


