
    
    



select service_name_da
from "welfare"."reference"."function_catalogue"
where service_name_da is null


