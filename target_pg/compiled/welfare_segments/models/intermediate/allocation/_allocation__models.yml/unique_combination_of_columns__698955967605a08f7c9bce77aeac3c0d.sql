

select
    analysis_year, function_number, cost_centre, person_id,
    count(*) as n_rows
from "welfare"."intermediate"."int_cost_pools_allocated"
group by analysis_year, function_number, cost_centre, person_id
having count(*) > 1

