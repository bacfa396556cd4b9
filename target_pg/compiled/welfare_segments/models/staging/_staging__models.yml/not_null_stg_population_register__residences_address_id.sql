
    
    



select address_id
from "welfare"."staging"."stg_population_register__residences"
where address_id is null


