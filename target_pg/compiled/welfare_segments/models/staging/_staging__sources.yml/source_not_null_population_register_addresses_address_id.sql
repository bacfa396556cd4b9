
    
    



select address_id
from "welfare"."raw"."addresses"
where address_id is null


