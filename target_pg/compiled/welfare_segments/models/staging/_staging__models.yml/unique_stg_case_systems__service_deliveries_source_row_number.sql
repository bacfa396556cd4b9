
    
    

select
    source_row_number as unique_field,
    count(*) as n_records

from "welfare"."staging"."stg_case_systems__service_deliveries"
where source_row_number is not null
group by source_row_number
having count(*) > 1


