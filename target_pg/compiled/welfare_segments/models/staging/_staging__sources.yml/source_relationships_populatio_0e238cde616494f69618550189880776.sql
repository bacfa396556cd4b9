
    
    

with child as (
    select address_id as from_field
    from "welfare"."raw"."residences"
    where address_id is not null
),

parent as (
    select address_id as to_field
    from "welfare"."raw"."addresses"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


