
    
    



select address_id
from "welfare"."raw"."residences"
where address_id is null


