
    
    

with all_values as (

    select
        allocation_method as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_costs_allocated_to_persons"
    group by allocation_method

)

select *
from all_values
where value_field not in (
    'direct','activity','average','tariff','fee'
)


