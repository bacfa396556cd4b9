
    
    



select is_suppressed
from "welfare"."analytics"."cost_concentration"
where is_suppressed is null


