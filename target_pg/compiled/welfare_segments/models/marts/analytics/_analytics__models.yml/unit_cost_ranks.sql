
-- Fixture for unit_cost_ranks
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c001' as text) as "unit_id", public.welfare_try_double(cast(200 as text)) as "unit_cost", cast(1 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c002' as text) as "unit_id", public.welfare_try_double(cast(199 as text)) as "unit_cost", cast(2 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c003' as text) as "unit_id", public.welfare_try_double(cast(198 as text)) as "unit_cost", cast(3 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c004' as text) as "unit_id", public.welfare_try_double(cast(197 as text)) as "unit_cost", cast(4 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c005' as text) as "unit_id", public.welfare_try_double(cast(196 as text)) as "unit_cost", cast(5 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c006' as text) as "unit_id", public.welfare_try_double(cast(195 as text)) as "unit_cost", cast(6 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c007' as text) as "unit_id", public.welfare_try_double(cast(194 as text)) as "unit_cost", cast(7 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c008' as text) as "unit_id", public.welfare_try_double(cast(193 as text)) as "unit_cost", cast(8 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c009' as text) as "unit_id", public.welfare_try_double(cast(192 as text)) as "unit_cost", cast(9 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('citizens' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('c010' as text) as "unit_id", public.welfare_try_double(cast(191 as text)) as "unit_cost", cast(10 as bigint) as "cost_rank", cast(200 as bigint) as "population_size", public.welfare_try_double(cast(20100 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f001' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(1 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f002' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(2 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"
union all
select cast('families' as text) as "population", cast(2025 as integer) as "analysis_year", cast('total' as text) as "cost_scope", cast('f003' as text) as "unit_id", public.welfare_try_double(cast(100 as text)) as "unit_cost", cast(3 as bigint) as "cost_rank", cast(50 as bigint) as "population_size", public.welfare_try_double(cast(5000 as text)) as "population_cost"