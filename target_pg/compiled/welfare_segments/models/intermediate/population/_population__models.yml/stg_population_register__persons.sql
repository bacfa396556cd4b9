
-- Fixture for stg_population_register__persons
select cast(null as bigint) as "source_row_number", cast(null as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
    limit 0