
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

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



  
  
      
    ) dbt_internal_test