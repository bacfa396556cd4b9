
    
    



select area_stevns
from "welfare"."reference"."function_catalogue"
where area_stevns is null


