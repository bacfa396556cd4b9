

select *
from "welfare"."restricted"."person_costs"
where not coalesce((abs(employment_cost + children_learning_cost + health_care_cost - municipal_cost) <= 0.01), false)

