
    
    



select person_id
from "welfare"."raw"."relations"
where person_id is null


