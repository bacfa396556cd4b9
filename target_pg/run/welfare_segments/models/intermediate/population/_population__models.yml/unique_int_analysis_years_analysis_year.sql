
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    analysis_year as unique_field,
    count(*) as n_records

from "welfare"."intermediate"."int_analysis_years"
where analysis_year is not null
group by analysis_year
having count(*) > 1



  
  
      
    ) dbt_internal_test