
    
    



select person_id
from "welfare"."raw"."persons"
where person_id is null


