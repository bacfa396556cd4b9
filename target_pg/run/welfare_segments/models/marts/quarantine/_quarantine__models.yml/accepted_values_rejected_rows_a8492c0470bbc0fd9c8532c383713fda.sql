
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        source_table as value_field,
        count(*) as n_records

    from "welfare"."quarantine"."rejected_rows"
    group by source_table

)

select *
from all_values
where value_field not in (
    'ledger_postings','service_deliveries','residences','hospital_contacts','health_insurance_services'
)



  
  
      
    ) dbt_internal_test