

select
    person_id, valid_from_date, source_row_number,
    count(*) as n_rows
from "welfare"."intermediate"."int_residences_validated"
group by person_id, valid_from_date, source_row_number
having count(*) > 1

