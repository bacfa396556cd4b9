
    
    



select person_id
from "welfare"."intermediate"."int_families_formed"
where person_id is null


