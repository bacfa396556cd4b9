
    
    



select person_id
from "welfare"."staging"."stg_population_register__persons"
where person_id is null


