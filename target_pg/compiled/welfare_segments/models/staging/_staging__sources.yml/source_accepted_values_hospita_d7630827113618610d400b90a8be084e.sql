
    
    

with all_values as (

    select
        hospital_sector as value_field,
        count(*) as n_records

    from "welfare"."raw"."hospital_contacts"
    group by hospital_sector

)

select *
from all_values
where value_field not in (
    'somatic','psychiatric'
)


