
    
    



select analysis_year
from "welfare"."analytics"."cost_concentration"
where analysis_year is null


