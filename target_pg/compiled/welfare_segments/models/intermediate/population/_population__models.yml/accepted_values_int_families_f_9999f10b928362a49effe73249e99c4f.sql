
    
    

with all_values as (

    select
        family_rule as value_field,
        count(*) as n_records

    from "welfare"."intermediate"."int_families_formed"
    group by family_rule

)

select *
from all_values
where value_field not in (
    'same_address','placed_child_at_mother','placed_child_at_father','residential_institution','no_fixed_address'
)


