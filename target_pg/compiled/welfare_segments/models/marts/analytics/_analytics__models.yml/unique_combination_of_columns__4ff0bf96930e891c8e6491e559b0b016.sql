

select
    analysis_year, population, cost_scope, top_percent,
    count(*) as n_rows
from "welfare"."analytics"."cost_concentration"
group by analysis_year, population, cost_scope, top_percent
having count(*) > 1

