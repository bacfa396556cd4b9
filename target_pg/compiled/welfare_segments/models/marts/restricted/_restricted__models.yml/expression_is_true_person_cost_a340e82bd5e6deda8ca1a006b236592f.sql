

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(total_cost - municipal_cost - regional_cost) <= 0.01), false)

