
-- Fixture for stg_population_register__addresses
select cast(null as bigint) as "source_row_number", cast('a1' as text) as "address_id", cast('336' as text) as "municipality_code", cast('private' as text) as "address_kind", cast(null as boolean) as "is_residential_institution", cast(null as boolean) as "is_no_fixed_address"
union all
select cast(null as bigint) as "source_row_number", cast('a2' as text) as "address_id", cast('320' as text) as "municipality_code", cast('private' as text) as "address_kind", cast(null as boolean) as "is_residential_institution", cast(null as boolean) as "is_no_fixed_address"