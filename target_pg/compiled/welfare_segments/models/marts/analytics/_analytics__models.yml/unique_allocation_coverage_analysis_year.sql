
    
    

select
    analysis_year as unique_field,
    count(*) as n_records

from "welfare"."analytics"."allocation_coverage"
where analysis_year is not null
group by analysis_year
having count(*) > 1


