
    
    



select analysis_year
from "welfare"."restricted"."person_costs"
where analysis_year is null


