
    
    

select
    person_id as unique_field,
    count(*) as n_records

from "welfare"."staging"."stg_population_register__persons"
where person_id is not null
group by person_id
having count(*) > 1


