
-- Fixture for int_service_deliveries_weighted
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('a' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(30 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(6 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('north' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(4 as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('a' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('b' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2025 as integer) as "analysis_year", cast('c' as text) as "person_id", cast('5.38.59' as text) as "function_number", cast('centre' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(null as text)) as "activity_units_in_year"
union all
select cast(null as text) as "delivery_id", cast(2024 as integer) as "analysis_year", cast('c' as text) as "person_id", cast('5.30.26' as text) as "function_number", cast('south' as text) as "cost_centre", cast(null as text) as "activity_unit", cast(null as integer) as "days_in_year", public.welfare_try_double(cast(10 as text)) as "activity_units_in_year"