

select *
from "welfare"."analytics"."cost_concentration"
where not coalesce((share_of_cost is null or (share_of_cost >= 0 and share_of_cost <= 1.000001)), false)

