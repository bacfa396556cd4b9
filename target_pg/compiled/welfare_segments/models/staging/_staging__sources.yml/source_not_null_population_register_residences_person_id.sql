
    
    



select person_id
from "welfare"."raw"."residences"
where person_id is null


