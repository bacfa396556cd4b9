
    
    

select
    source_row_number as unique_field,
    count(*) as n_records

from "welfare"."staging"."stg_hospital__contacts"
where source_row_number is not null
group by source_row_number
having count(*) > 1


