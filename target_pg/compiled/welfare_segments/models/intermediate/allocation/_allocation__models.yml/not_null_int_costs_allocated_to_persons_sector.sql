
    
    



select sector
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where sector is null


