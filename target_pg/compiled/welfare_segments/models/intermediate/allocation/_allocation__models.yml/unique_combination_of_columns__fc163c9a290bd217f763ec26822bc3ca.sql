

select
    delivery_id, analysis_year,
    count(*) as n_rows
from "welfare"."intermediate"."int_service_deliveries_weighted"
group by delivery_id, analysis_year
having count(*) > 1

