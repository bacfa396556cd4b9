

select
    analysis_year, population, top_percent,
    count(*) as n_rows
from "welfare"."analytics"."top_spender_overlap"
group by analysis_year, population, top_percent
having count(*) > 1

