

select *
from "welfare"."analytics"."top_spender_overlap"
where not coalesce((is_suppressed or (n_in_both <= n_top_municipal and n_in_both <= n_top_regional)), false)

