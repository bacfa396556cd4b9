
    
    



select area_code
from "welfare"."reference"."area_vocabulary"
where area_code is null


