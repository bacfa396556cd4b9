

select
    analysis_year, function_number, cost_centre,
    count(*) as n_rows
from "welfare"."audit"."allocation_reconciliation"
group by analysis_year, function_number, cost_centre
having count(*) > 1

