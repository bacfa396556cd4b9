
    
    



select is_synthetic
from "welfare"."raw"."extract_info"
where is_synthetic is null


