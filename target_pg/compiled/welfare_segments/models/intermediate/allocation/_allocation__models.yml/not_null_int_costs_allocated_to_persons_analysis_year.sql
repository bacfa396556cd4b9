
    
    



select analysis_year
from "welfare"."intermediate"."int_costs_allocated_to_persons"
where analysis_year is null


