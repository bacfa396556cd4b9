
    
    



select is_rejected
from "welfare"."intermediate"."int_residences_validated"
where is_rejected is null


