

select *
from "welfare"."quarantine"."rejected_rows"
where not coalesce((n_reasons >= 1), false)

