
    
    

with all_values as (

    select
        address_kind as value_field,
        count(*) as n_records

    from "welfare"."raw"."addresses"
    group by address_kind

)

select *
from all_values
where value_field not in (
    'private','residential_institution','no_fixed_address'
)


