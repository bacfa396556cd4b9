

select
    source_table, source_row_number,
    count(*) as n_rows
from "welfare"."quarantine"."rejected_rows"
group by source_table, source_row_number
having count(*) > 1

