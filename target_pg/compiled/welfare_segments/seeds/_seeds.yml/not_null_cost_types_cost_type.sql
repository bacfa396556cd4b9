
    
    



select cost_type
from "welfare"."reference"."cost_types"
where cost_type is null


