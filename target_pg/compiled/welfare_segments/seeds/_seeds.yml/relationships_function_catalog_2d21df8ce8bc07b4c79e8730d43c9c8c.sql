
    
    

with child as (
    select area_stevns as from_field
    from "welfare"."reference"."function_catalogue"
    where area_stevns is not null
),

parent as (
    select area_code as to_field
    from "welfare"."reference"."area_vocabulary"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


