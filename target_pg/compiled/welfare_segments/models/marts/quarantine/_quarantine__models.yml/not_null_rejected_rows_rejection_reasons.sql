
    
    



select rejection_reasons
from "welfare"."quarantine"."rejected_rows"
where rejection_reasons is null


