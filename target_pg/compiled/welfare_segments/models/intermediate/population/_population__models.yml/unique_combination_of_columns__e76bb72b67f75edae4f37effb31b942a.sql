

select
    analysis_year, family_id,
    count(*) as n_rows
from "welfare"."intermediate"."int_families_described"
group by analysis_year, family_id
having count(*) > 1

