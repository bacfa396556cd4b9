
-- Fixture for int_analysis_years
select cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "year_start_date", public.welfare_try_date(cast(null as text)) as "year_end_date", public.welfare_try_date(cast('2025-01-01' as text)) as "reference_date"