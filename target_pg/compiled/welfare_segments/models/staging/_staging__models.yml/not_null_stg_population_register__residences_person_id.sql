
    
    



select person_id
from "welfare"."staging"."stg_population_register__residences"
where person_id is null


