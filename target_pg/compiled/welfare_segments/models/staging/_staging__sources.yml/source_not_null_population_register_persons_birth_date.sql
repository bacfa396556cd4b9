
    
    



select birth_date
from "welfare"."raw"."persons"
where birth_date is null


