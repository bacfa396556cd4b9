
    
    



select family_id
from "welfare"."restricted"."family_costs"
where family_id is null


