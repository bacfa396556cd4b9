
    
    

with all_values as (

    select
        activity_unit as value_field,
        count(*) as n_records

    from "welfare"."raw"."service_deliveries"
    group by activity_unit

)

select *
from all_values
where value_field not in (
    'hours','days','visits'
)


