
    
    

with child as (
    select cost_type as from_field
    from "welfare"."reference"."function_catalogue"
    where cost_type is not null
),

parent as (
    select cost_type as to_field
    from "welfare"."reference"."cost_types"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


