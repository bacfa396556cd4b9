
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "person_id","address_id","age_at_reference_date", 'actual' as "actual_or_expected"
  from (
    -- Who lived in the municipality on each year's reference date, and where.
with

 __dbt__cte__int_analysis_years as (

-- Fixture for int_analysis_years
select cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "year_start_date", public.welfare_try_date(cast(null as text)) as "year_end_date", public.welfare_try_date(cast('2025-01-01' as text)) as "reference_date"
),  __dbt__cte__stg_population_register__persons as (

-- Fixture for stg_population_register__persons
select cast(null as bigint) as "source_row_number", cast('died' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1940-05-01' as text)) as "birth_date", cast('M' as text) as "sex", public.welfare_try_date(cast('2024-12-31' as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('moved' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1980-05-01' as text)) as "birth_date", cast('M' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('stays' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1985-01-01' as text)) as "birth_date", cast('F' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('elsewhere' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1990-05-01' as text)) as "birth_date", cast('F' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('dies_later' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1930-07-02' as text)) as "birth_date", cast('F' as text) as "sex", public.welfare_try_date(cast('2025-03-01' as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('bad_row' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('1950-07-02' as text)) as "birth_date", cast('F' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
),  __dbt__cte__stg_population_register__addresses as (

-- Fixture for stg_population_register__addresses
select cast(null as bigint) as "source_row_number", cast('a1' as text) as "address_id", cast('336' as text) as "municipality_code", cast('private' as text) as "address_kind", cast(null as boolean) as "is_residential_institution", cast(null as boolean) as "is_no_fixed_address"
union all
select cast(null as bigint) as "source_row_number", cast('a2' as text) as "address_id", cast('320' as text) as "municipality_code", cast('private' as text) as "address_kind", cast(null as boolean) as "is_residential_institution", cast(null as boolean) as "is_no_fixed_address"
),  __dbt__cte__int_residences_validated as (

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
), int_analysis_years as (

    select * from __dbt__cte__int_analysis_years

),

stg_population_register__persons as (

    select * from __dbt__cte__stg_population_register__persons

),

stg_population_register__addresses as (

    select * from __dbt__cte__stg_population_register__addresses

),

int_residences_validated as (

    select * from __dbt__cte__int_residences_validated

),

valid_residences as (

    select * from int_residences_validated
    where not is_rejected

),

residences_on_reference_date as (

    select
        int_analysis_years.analysis_year,
        int_analysis_years.reference_date,
        valid_residences.person_id,
        valid_residences.address_id,
        valid_residences.valid_from_date,
        stg_population_register__addresses.address_kind,
        stg_population_register__persons.birth_date,
        stg_population_register__persons.sex,
        -- a register with overlapping periods keeps the latest move
        row_number() over (
            partition by
                int_analysis_years.analysis_year,
                valid_residences.person_id
            order by
                valid_residences.valid_from_date desc,
                valid_residences.address_id asc
        ) as residence_rank
    from valid_residences
    inner join int_analysis_years
        on
            valid_residences.valid_from_date
            <= int_analysis_years.reference_date
            and (
                valid_residences.valid_to_date is null
                or valid_residences.valid_to_date
                > int_analysis_years.reference_date
            )
    inner join stg_population_register__addresses
        on
            valid_residences.address_id
            = stg_population_register__addresses.address_id
    inner join stg_population_register__persons
        on
            valid_residences.person_id
            = stg_population_register__persons.person_id
    where
        stg_population_register__addresses.municipality_code
        = '336'
        and stg_population_register__persons.birth_date
        <= int_analysis_years.reference_date
        and (
            stg_population_register__persons.death_date is null
            or stg_population_register__persons.death_date
            > int_analysis_years.reference_date
        )

),

final as (

    select
        analysis_year,
        person_id,
        address_id,
        address_kind,
        sex,
        birth_date,
        (
        extract(year from reference_date) - extract(year from birth_date)
        - case
            when extract(month from reference_date) * 100 + extract(day from reference_date)
                < extract(month from birth_date) * 100 + extract(day from birth_date)
                then 1
            else 0
        end
    )
            as age_at_reference_date
    from residences_on_reference_date
    where residence_rank = 1

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "person_id", "address_id", "age_at_reference_date", 'expected' as "actual_or_expected"
  from (
    select cast('stays' as text) as "person_id", cast('a1' as text) as "address_id", cast(40 as numeric) as "age_at_reference_date"
union all
select cast('dies_later' as text) as "person_id", cast('a1' as text) as "address_id", cast(94 as numeric) as "age_at_reference_date"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected