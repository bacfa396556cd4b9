
    
    



select family_id
from "welfare"."intermediate"."int_families_formed"
where family_id is null


