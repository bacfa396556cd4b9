
    
    



select analysis_year
from "welfare"."analytics"."allocation_coverage"
where analysis_year is null


