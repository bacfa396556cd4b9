

select
    family_id, analysis_year,
    count(*) as n_rows
from "welfare"."restricted"."complex_families"
group by family_id, analysis_year
having count(*) > 1

