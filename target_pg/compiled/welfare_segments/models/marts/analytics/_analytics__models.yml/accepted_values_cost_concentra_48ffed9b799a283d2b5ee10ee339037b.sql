
    
    

with all_values as (

    select
        cost_scope as value_field,
        count(*) as n_records

    from "welfare"."analytics"."cost_concentration"
    group by cost_scope

)

select *
from all_values
where value_field not in (
    'total','municipal','regional'
)


