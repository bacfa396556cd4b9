
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        source_mark as value_field,
        count(*) as n_records

    from "welfare"."reference"."function_catalogue"
    group by source_mark

)

select *
from all_values
where value_field not in (
    'seen','verify','est'
)



  
  
      
    ) dbt_internal_test