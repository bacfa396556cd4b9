
    
    



select is_suppressed
from "welfare"."analytics"."top_spender_overlap"
where is_suppressed is null


