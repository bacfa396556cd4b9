
    
    



select function_number
from "welfare"."reference"."function_catalogue"
where function_number is null


