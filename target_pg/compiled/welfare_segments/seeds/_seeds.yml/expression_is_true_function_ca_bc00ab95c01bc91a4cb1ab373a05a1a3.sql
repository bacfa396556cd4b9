

select *
from "welfare"."reference"."function_catalogue"
where not coalesce((is_relevant or allocation_method = 'none'), false)

