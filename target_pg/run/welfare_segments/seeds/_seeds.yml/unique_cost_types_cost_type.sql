
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    cost_type as unique_field,
    count(*) as n_records

from "welfare"."reference"."cost_types"
where cost_type is not null
group by cost_type
having count(*) > 1



  
  
      
    ) dbt_internal_test