
    
    



select valid_from_date
from "welfare"."staging"."stg_population_register__residences"
where valid_from_date is null


