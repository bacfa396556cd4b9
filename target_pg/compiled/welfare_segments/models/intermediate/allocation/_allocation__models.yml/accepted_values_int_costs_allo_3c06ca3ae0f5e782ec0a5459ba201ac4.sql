
    
    

with all_values as (

    select
        sector as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_costs_allocated_to_persons"
    group by sector

)

select *
from all_values
where value_field not in (
    'municipal','regional'
)


