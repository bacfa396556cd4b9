
    
    

with all_values as (

    select
        allocation_method as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_cost_pools_allocated"
    group by allocation_method

)

select *
from all_values
where value_field not in (
    'activity','average'
)


