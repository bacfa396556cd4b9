
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "person_id","family_id","family_rule","is_placed_child", 'actual' as "actual_or_expected"
  from (
    -- Every person of a year's population and the family (husstand) they belong
-- to on the reference date, by the rules of the brief (section 4).
with

 __dbt__cte__int_analysis_years as (

-- Fixture for int_analysis_years
select cast(2025 as integer) as "analysis_year", public.welfare_try_date(cast(null as text)) as "year_start_date", public.welfare_try_date(cast(null as text)) as "year_end_date", public.welfare_try_date(cast('2025-01-01' as text)) as "reference_date"
),  __dbt__cte__int_residents_at_reference_date as (

-- Fixture for int_residents_at_reference_date
select cast(2025 as integer) as "analysis_year", cast('mum' as text) as "person_id", cast('home1' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(35 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('dad' as text) as "person_id", cast('home2' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(37 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('c1' as text) as "person_id", cast('inst' as text) as "address_id", cast('residential_institution' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(12 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('c3' as text) as "person_id", cast('home3' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(9 as numeric) as "age_at_reference_date"
union all
select cast(2025 as integer) as "analysis_year", cast('c4' as text) as "person_id", cast('home4' as text) as "address_id", cast('private' as text) as "address_kind", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(18 as numeric) as "age_at_reference_date"
),  __dbt__cte__stg_population_register__persons as (

-- Fixture for stg_population_register__persons
select cast(null as bigint) as "source_row_number", cast('c1' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('2012-06-01' as text)) as "birth_date", cast('F' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('c2' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('2015-03-01' as text)) as "birth_date", cast('M' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('c3' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('2015-09-01' as text)) as "birth_date", cast('M' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
union all
select cast(null as bigint) as "source_row_number", cast('c4' as text) as "person_id", cast(null as boolean) as "has_valid_person_id", public.welfare_try_date(cast('2006-09-01' as text)) as "birth_date", cast('M' as text) as "sex", public.welfare_try_date(cast(null as text)) as "death_date"
),  __dbt__cte__stg_population_register__relations as (

-- Fixture for stg_population_register__relations
select cast(null as bigint) as "source_row_number", cast('c1' as text) as "person_id", cast('mum' as text) as "related_person_id", cast('mother' as text) as "relation_type"
union all
select cast(null as bigint) as "source_row_number", cast('c1' as text) as "person_id", cast('dad' as text) as "related_person_id", cast('father' as text) as "relation_type"
union all
select cast(null as bigint) as "source_row_number", cast('c2' as text) as "person_id", cast('absent_mum' as text) as "related_person_id", cast('mother' as text) as "relation_type"
union all
select cast(null as bigint) as "source_row_number", cast('c2' as text) as "person_id", cast('dad' as text) as "related_person_id", cast('father' as text) as "relation_type"
union all
select cast(null as bigint) as "source_row_number", cast('c3' as text) as "person_id", cast('mum' as text) as "related_person_id", cast('mother' as text) as "relation_type"
union all
select cast(null as bigint) as "source_row_number", cast('c4' as text) as "person_id", cast('mum' as text) as "related_person_id", cast('mother' as text) as "relation_type"
),  __dbt__cte__int_service_deliveries_validated as (

-- Fixture for int_service_deliveries_validated
select cast(null as bigint) as "source_row_number", cast(null as text) as "delivery_id", cast('c1' as text) as "person_id", cast('5.28.23' as text) as "function_number", cast(null as text) as "cost_centre", cast(null as text) as "service_name", public.welfare_try_date(cast('2024-03-01' as text)) as "period_start_date", public.welfare_try_date(cast('2025-12-31' as text)) as "period_end_date", public.welfare_try_double(cast(null as text)) as "activity_units", cast(null as text) as "activity_unit", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast(null as text) as "delivery_id", cast('c2' as text) as "person_id", cast('5.28.22' as text) as "function_number", cast(null as text) as "cost_centre", cast(null as text) as "service_name", public.welfare_try_date(cast('2024-01-01' as text)) as "period_start_date", public.welfare_try_date(cast('2025-06-30' as text)) as "period_end_date", public.welfare_try_double(cast(null as text)) as "activity_units", cast(null as text) as "activity_unit", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast(null as text) as "delivery_id", cast('c3' as text) as "person_id", cast('5.28.22' as text) as "function_number", cast(null as text) as "cost_centre", cast(null as text) as "service_name", public.welfare_try_date(cast('2024-01-01' as text)) as "period_start_date", public.welfare_try_date(cast('2024-12-31' as text)) as "period_end_date", public.welfare_try_double(cast(null as text)) as "activity_units", cast(null as text) as "activity_unit", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast(null as text) as "delivery_id", cast('c4' as text) as "person_id", cast('5.28.22' as text) as "function_number", cast(null as text) as "cost_centre", cast(null as text) as "service_name", public.welfare_try_date(cast('2024-01-01' as text)) as "period_start_date", public.welfare_try_date(cast('2025-12-31' as text)) as "period_end_date", public.welfare_try_double(cast(null as text)) as "activity_units", cast(null as text) as "activity_unit", cast(null as text) as "rejection_reasons", cast(False as boolean) as "is_rejected"
union all
select cast(null as bigint) as "source_row_number", cast(null as text) as "delivery_id", cast('c3' as text) as "person_id", cast('5.28.22' as text) as "function_number", cast(null as text) as "cost_centre", cast(null as text) as "service_name", public.welfare_try_date(cast('2024-01-01' as text)) as "period_start_date", public.welfare_try_date(cast('2025-12-31' as text)) as "period_end_date", public.welfare_try_double(cast(null as text)) as "activity_units", cast(null as text) as "activity_unit", cast(null as text) as "rejection_reasons", cast(True as boolean) as "is_rejected"
), int_analysis_years as (

    select * from __dbt__cte__int_analysis_years

),

int_residents_at_reference_date as (

    select * from __dbt__cte__int_residents_at_reference_date

),

stg_population_register__persons as (

    select * from __dbt__cte__stg_population_register__persons

),

stg_population_register__relations as (

    select * from __dbt__cte__stg_population_register__relations

),

int_service_deliveries_validated as (

    select * from __dbt__cte__int_service_deliveries_validated

),

valid_deliveries as (

    select * from int_service_deliveries_validated
    where not is_rejected

),

placements_on_reference_date as (

    select distinct
        int_analysis_years.analysis_year,
        valid_deliveries.person_id
    from valid_deliveries
    inner join int_analysis_years
        on
            valid_deliveries.period_start_date
            <= int_analysis_years.reference_date
            and valid_deliveries.period_end_date
            >= int_analysis_years.reference_date
    where
        valid_deliveries.function_number in (
                '5.28.20',
                '5.28.22',
                '5.28.23',
                '5.28.24'
        )

),

placed_children as (

    select
        placements_on_reference_date.analysis_year,
        placements_on_reference_date.person_id,
        stg_population_register__persons.sex,
        stg_population_register__persons.birth_date,
        (
        extract(year from int_analysis_years.reference_date) - extract(year from stg_population_register__persons.birth_date)
        - case
            when extract(month from int_analysis_years.reference_date) * 100 + extract(day from int_analysis_years.reference_date)
                < extract(month from stg_population_register__persons.birth_date) * 100 + extract(day from stg_population_register__persons.birth_date)
                then 1
            else 0
        end
    ) as age_at_reference_date
    from placements_on_reference_date
    inner join int_analysis_years
        on
            placements_on_reference_date.analysis_year
            = int_analysis_years.analysis_year
    inner join stg_population_register__persons
        on
            placements_on_reference_date.person_id
            = stg_population_register__persons.person_id
    where
        stg_population_register__persons.birth_date
        <= int_analysis_years.reference_date
        and (
            stg_population_register__persons.death_date is null
            or stg_population_register__persons.death_date
            > int_analysis_years.reference_date
        )

),

parents_at_private_addresses as (

    select
        int_residents_at_reference_date.analysis_year,
        stg_population_register__relations.person_id as child_person_id,
        stg_population_register__relations.relation_type,
        min(int_residents_at_reference_date.address_id) as address_id
    from stg_population_register__relations
    inner join int_residents_at_reference_date
        on
            stg_population_register__relations.related_person_id
            = int_residents_at_reference_date.person_id
    where
        stg_population_register__relations.relation_type in ('mother', 'father')
        and int_residents_at_reference_date.address_kind = 'private'
    group by
        int_residents_at_reference_date.analysis_year,
        stg_population_register__relations.person_id,
        stg_population_register__relations.relation_type

),

placed_children_with_parent as (

    select
        placed_children.analysis_year,
        placed_children.person_id,
        placed_children.sex,
        placed_children.birth_date,
        placed_children.age_at_reference_date,
        coalesce(mothers.address_id, fathers.address_id) as address_id,
        case
            when mothers.address_id is not null
                then 'placed_child_at_mother'
            else 'placed_child_at_father'
        end as family_rule
    from placed_children
    left join parents_at_private_addresses as mothers
        on
            placed_children.analysis_year = mothers.analysis_year
            and placed_children.person_id = mothers.child_person_id
            and mothers.relation_type = 'mother'
    left join parents_at_private_addresses as fathers
        on
            placed_children.analysis_year = fathers.analysis_year
            and placed_children.person_id = fathers.child_person_id
            and fathers.relation_type = 'father'
    where
        placed_children.age_at_reference_date < 18
        and coalesce(mothers.address_id, fathers.address_id) is not null

),

residents_by_address as (

    select
        int_residents_at_reference_date.analysis_year,
        int_residents_at_reference_date.person_id,
        int_residents_at_reference_date.sex,
        int_residents_at_reference_date.birth_date,
        int_residents_at_reference_date.age_at_reference_date,
        int_residents_at_reference_date.address_id,
        case int_residents_at_reference_date.address_kind
            when 'private' then 'same_address'
            when 'residential_institution' then 'residential_institution'
            else 'no_fixed_address'
        end as family_rule
    from int_residents_at_reference_date
    left join placed_children_with_parent
        on
            int_residents_at_reference_date.analysis_year
            = placed_children_with_parent.analysis_year
            and int_residents_at_reference_date.person_id
            = placed_children_with_parent.person_id
    where placed_children_with_parent.person_id is null

),

members as (

    select
        analysis_year,
        person_id,
        sex,
        birth_date,
        age_at_reference_date,
        address_id,
        family_rule
    from placed_children_with_parent
    union all
    select
        analysis_year,
        person_id,
        sex,
        birth_date,
        age_at_reference_date,
        address_id,
        family_rule
    from residents_by_address

),

final as (

    select
        analysis_year,
        person_id,
        -- residents of institutions and persons without a fixed address are
        -- single-person families; everyone else is a family per address
        case
            when family_rule in ('residential_institution', 'no_fixed_address')
                then 'P-' || person_id
            else 'A-' || address_id
        end as family_id,
        family_rule,
        family_rule in (
            'placed_child_at_mother', 'placed_child_at_father'
        ) as is_placed_child,
        sex,
        birth_date,
        age_at_reference_date,
        age_at_reference_date < 18 as is_child
    from members

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "person_id", "family_id", "family_rule", "is_placed_child", 'expected' as "actual_or_expected"
  from (
    select cast('mum' as text) as "person_id", cast('A-home1' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child"
union all
select cast('dad' as text) as "person_id", cast('A-home2' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child"
union all
select cast('c1' as text) as "person_id", cast('A-home1' as text) as "family_id", cast('placed_child_at_mother' as text) as "family_rule", cast(True as boolean) as "is_placed_child"
union all
select cast('c2' as text) as "person_id", cast('A-home2' as text) as "family_id", cast('placed_child_at_father' as text) as "family_rule", cast(True as boolean) as "is_placed_child"
union all
select cast('c3' as text) as "person_id", cast('A-home3' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child"
union all
select cast('c4' as text) as "person_id", cast('A-home4' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected