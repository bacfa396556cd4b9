
    
    

with all_values as (

    select
        contact_type as value_field,
        count(*) as n_records

    from "welfare"."raw"."hospital_contacts"
    group by contact_type

)

select *
from all_values
where value_field not in (
    'admission','outpatient'
)


