

select *
from "welfare"."intermediate"."int_service_deliveries_weighted"
where not coalesce((days_in_year > 0), false)

