

select *
from "welfare"."restricted"."complex_citizens"
where not coalesce((total_cost >= 100000), false)

