
    
    



select primary_reason
from "welfare"."quarantine"."rejected_rows"
where primary_reason is null


