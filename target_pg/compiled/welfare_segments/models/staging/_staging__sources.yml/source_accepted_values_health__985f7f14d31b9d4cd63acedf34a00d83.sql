
    
    

with all_values as (

    select
        provider_type as value_field,
        count(*) as n_records

    from "welfare"."raw"."health_insurance_services"
    group by provider_type

)

select *
from all_values
where value_field not in (
    'own_gp','emergency_gp','psychologist','specialist'
)


