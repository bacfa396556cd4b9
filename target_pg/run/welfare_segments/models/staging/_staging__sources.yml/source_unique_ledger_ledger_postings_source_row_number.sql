
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    source_row_number as unique_field,
    count(*) as n_records

from "welfare"."raw"."ledger_postings"
where source_row_number is not null
group by source_row_number
having count(*) > 1



  
  
      
    ) dbt_internal_test