
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        relation_type as value_field,
        count(*) as n_records

    from "welfare"."raw"."relations"
    group by relation_type

)

select *
from all_values
where value_field not in (
    'mother','father','partner'
)



  
  
      
    ) dbt_internal_test