
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    vocabulary, area_code,
    count(*) as n_rows
from "welfare"."reference"."area_vocabulary"
group by vocabulary, area_code
having count(*) > 1


  
  
      
    ) dbt_internal_test