
-- Fixture for int_families_formed
select cast(2025 as integer) as "analysis_year", cast('p1' as text) as "person_id", cast('A-1' as text) as "family_id", cast(null as text) as "family_rule", cast(null as boolean) as "is_placed_child", cast('F' as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(70 as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast('p2' as text) as "person_id", cast('A-1' as text) as "family_id", cast(null as text) as "family_rule", cast(null as boolean) as "is_placed_child", cast('M' as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(72 as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"