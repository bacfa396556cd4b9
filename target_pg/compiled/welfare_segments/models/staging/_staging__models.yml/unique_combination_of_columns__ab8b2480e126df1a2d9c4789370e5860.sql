

select
    person_id, valid_from_date,
    count(*) as n_rows
from "welfare"."staging"."stg_population_register__residences"
group by person_id, valid_from_date
having count(*) > 1

