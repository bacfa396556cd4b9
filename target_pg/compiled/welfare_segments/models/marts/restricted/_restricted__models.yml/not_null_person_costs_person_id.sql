
    
    



select person_id
from "welfare"."restricted"."person_costs"
where person_id is null


