

select *
from "welfare"."reference"."function_catalogue"
where not coalesce(((allocation_method = 'activity') = (activity_unit is not null)), false)

