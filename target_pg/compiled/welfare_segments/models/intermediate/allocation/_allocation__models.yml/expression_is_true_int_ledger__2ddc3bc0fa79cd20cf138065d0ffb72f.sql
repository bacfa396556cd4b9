

select *
from "welfare"."intermediate"."int_ledger_postings_classified"
where not coalesce((ledger_state = 'quarantined' or analysis_year is not null), false)

