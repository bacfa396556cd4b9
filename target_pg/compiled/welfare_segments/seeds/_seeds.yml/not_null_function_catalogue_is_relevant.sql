
    
    



select is_relevant
from "welfare"."reference"."function_catalogue"
where is_relevant is null


