
    
    

with all_values as (

    select
        sector as value_field,
        count(*) as n_records

    from "welfare"."reference"."function_catalogue"
    group by sector

)

select *
from all_values
where value_field not in (
    'municipal','regional'
)


