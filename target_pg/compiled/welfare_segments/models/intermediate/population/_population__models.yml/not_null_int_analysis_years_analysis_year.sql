
    
    



select analysis_year
from "welfare"."intermediate"."int_analysis_years"
where analysis_year is null


