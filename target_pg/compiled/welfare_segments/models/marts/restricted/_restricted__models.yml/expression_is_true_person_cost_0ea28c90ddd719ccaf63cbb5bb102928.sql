

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(service_cost + transfer_cost + subsidy_cost - total_cost) <= 0.01), false)

