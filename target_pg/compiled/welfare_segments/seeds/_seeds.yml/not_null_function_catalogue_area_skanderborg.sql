
    
    



select area_skanderborg
from "welfare"."reference"."function_catalogue"
where area_skanderborg is null


