
    
    

select
    service_id as unique_field,
    count(*) as n_records

from "welfare"."staging"."stg_health_insurance__services"
where service_id is not null
group by service_id
having count(*) > 1


