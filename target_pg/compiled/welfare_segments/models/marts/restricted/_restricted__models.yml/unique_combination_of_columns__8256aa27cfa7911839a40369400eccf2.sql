

select
    person_id, analysis_year,
    count(*) as n_rows
from "welfare"."restricted"."person_costs"
group by person_id, analysis_year
having count(*) > 1

