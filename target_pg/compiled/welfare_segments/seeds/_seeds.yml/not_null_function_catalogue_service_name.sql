
    
    



select service_name
from "welfare"."reference"."function_catalogue"
where service_name is null


