
    
    



select cost_type
from "welfare"."reference"."function_catalogue"
where cost_type is null


