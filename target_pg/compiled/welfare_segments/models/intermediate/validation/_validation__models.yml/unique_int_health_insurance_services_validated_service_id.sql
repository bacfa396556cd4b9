
    
    

select
    service_id as unique_field,
    count(*) as n_records

from (select * from "welfare"."intermediate"."int_health_insurance_services_validated" where not is_rejected) dbt_subquery
where service_id is not null
group by service_id
having count(*) > 1


