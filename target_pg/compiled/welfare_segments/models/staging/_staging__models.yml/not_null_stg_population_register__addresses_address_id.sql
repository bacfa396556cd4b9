
    
    



select address_id
from "welfare"."staging"."stg_population_register__addresses"
where address_id is null


