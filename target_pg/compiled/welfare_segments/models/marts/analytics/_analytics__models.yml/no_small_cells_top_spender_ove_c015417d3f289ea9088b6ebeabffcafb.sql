

select *
from "welfare"."analytics"."top_spender_overlap"
where
    (n_units > 0 and n_units < 5) or
    (n_top_municipal > 0 and n_top_municipal < 5) or
    (n_top_regional > 0 and n_top_regional < 5) or
    (n_in_both > 0 and n_in_both < 5)

