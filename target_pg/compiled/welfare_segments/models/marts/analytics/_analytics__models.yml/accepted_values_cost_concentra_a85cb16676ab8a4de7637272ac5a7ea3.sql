
    
    

with all_values as (

    select
        population as value_field,
        count(*) as n_records

    from "welfare"."analytics"."cost_concentration"
    group by population

)

select *
from all_values
where value_field not in (
    'citizens','families'
)


