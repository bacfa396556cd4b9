
    
    



select analysis_year
from "welfare"."restricted"."family_costs"
where analysis_year is null


