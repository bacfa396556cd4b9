
    
    



select person_id
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where person_id is null


