

select *
from "welfare"."analytics"."cost_concentration"
where not coalesce((is_suppressed = (n_units is null or population_size is null)), false)

