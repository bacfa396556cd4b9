

select *
from "welfare"."audit"."allocation_reconciliation"
where not coalesce((abs(difference) <= 0.01), false)

