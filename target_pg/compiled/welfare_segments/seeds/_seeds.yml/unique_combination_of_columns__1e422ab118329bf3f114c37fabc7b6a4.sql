

select
    vocabulary, area_code,
    count(*) as n_rows
from "welfare"."reference"."area_vocabulary"
group by vocabulary, area_code
having count(*) > 1

