
    
    



select source_row_number
from "welfare"."staging"."stg_population_register__persons"
where source_row_number is null


