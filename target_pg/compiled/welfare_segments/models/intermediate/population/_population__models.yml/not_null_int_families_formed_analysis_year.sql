
    
    



select analysis_year
from "welfare"."intermediate"."int_families_formed"
where analysis_year is null


