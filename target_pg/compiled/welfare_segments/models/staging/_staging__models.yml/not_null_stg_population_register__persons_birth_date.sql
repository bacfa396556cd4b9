
    
    



select birth_date
from "welfare"."staging"."stg_population_register__persons"
where birth_date is null


