
-- Fixture for int_residents_at_reference_date
select cast(2025 as integer) as "analysis_year", cast('p1' as text) as "person_id", cast('a1' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(40 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('p2' as text) as "person_id", cast('a1' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(38 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('p3' as text) as "person_id", cast('a1' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(10 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('p4' as text) as "person_id", cast('inst' as text) as "address_id", cast('residential_institution' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(55 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('p5' as text) as "person_id", cast('inst' as text) as "address_id", cast('residential_institution' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(60 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('p6' as text) as "person_id", cast('nofix' as text) as "address_id", cast('no_fixed_address' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(45 as numeric) as "age_at_reference_date"