
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    service_id as unique_field,
    count(*) as n_records

from (select * from "welfare"."intermediate"."int_health_insurance_services_validated" where not is_rejected) dbt_subquery
where service_id is not null
group by service_id
having count(*) > 1



  
  
      
    ) dbt_internal_test