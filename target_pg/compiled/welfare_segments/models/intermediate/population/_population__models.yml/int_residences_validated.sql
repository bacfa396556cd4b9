
-- Fixture for int_residences_validated
select cast(null as bigint) as "source_row_number", cast('moved' as text) as "person_id", cast('a1' as text) as "address_id", public.welfare_try_date(cast('2010-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast('2025-01-01' as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('stays' as text) as "person_id", cast('a1' as text) as "address_id", public.welfare_try_date(cast('2010-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast(null as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('moved' as text) as "person_id", cast('a2' as text) as "address_id", public.welfare_try_date(cast('2025-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast(null as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('died' as text) as "person_id", cast('a1' as text) as "address_id", public.welfare_try_date(cast('2000-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast('2024-12-31' as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('elsewhere' as text) as "person_id", cast('a2' as text) as "address_id", public.welfare_try_date(cast('2000-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast(null as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('dies_later' as text) as "person_id", cast('a1' as text) as "address_id", public.welfare_try_date(cast('2000-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast('2025-03-01' as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast('bad_row' as text) as "person_id", cast('a1' as text) as "address_id", public.welfare_try_date(cast('2000-01-01' as text)) as "valid_from_date", public.welfare_try_date(cast(null as text)) as "valid_to_date", cast(null as text) as "rejection_reasons", cast(True as boolean) as "is_rejected"