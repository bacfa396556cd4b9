
    
    

select
    address_id as unique_field,
    count(*) as n_records

from "welfare"."staging"."stg_population_register__addresses"
where address_id is not null
group by address_id
having count(*) > 1


