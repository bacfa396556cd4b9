
    
    

select
    function_number as unique_field,
    count(*) as n_records

from "welfare"."reference"."function_catalogue"
where function_number is not null
group by function_number
having count(*) > 1


