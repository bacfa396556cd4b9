
    
    



select related_person_id
from "welfare"."raw"."relations"
where related_person_id is null


