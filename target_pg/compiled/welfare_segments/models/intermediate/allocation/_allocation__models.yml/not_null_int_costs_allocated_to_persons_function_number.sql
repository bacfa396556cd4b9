
    
    



select function_number
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where function_number is null


