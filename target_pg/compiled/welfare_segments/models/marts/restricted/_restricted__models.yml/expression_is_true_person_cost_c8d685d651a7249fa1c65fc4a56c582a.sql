

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(regional_cost - regional_health_cost) <= 0.01), false)

