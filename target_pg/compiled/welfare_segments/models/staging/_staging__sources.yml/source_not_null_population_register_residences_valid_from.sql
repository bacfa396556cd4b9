
    
    



select valid_from
from "welfare"."raw"."residences"
where valid_from is null


