-- One row per family and year: its size and composition.
with

 __dbt__cte__int_families_formed as (

-- Fixture for int_families_formed
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('A-1' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('A-1' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(True as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('A-2' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('A-2' as text) as "family_id", cast('same_address' as text) as "family_rule", cast(False as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('A-2' as text) as "family_id", cast('placed_child_at_mother' as text) as "family_rule", cast(True as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(True as boolean) as "is_child"
union all
select cast(2025 as integer) as "analysis_year", cast(null as text) as "person_id", cast('P-3' as text) as "family_id", cast('residential_institution' as text) as "family_rule", cast(False as boolean) as "is_placed_child", cast(null as text) as "sex", public.welfare_try_date(cast(null as text)) as "birth_date", cast(null as numeric) as "age_at_reference_date", cast(False as boolean) as "is_child"
), int_families_formed as (

    select * from __dbt__cte__int_families_formed

),

families_counted as (

    select
        analysis_year,
        family_id,
        min(family_rule) as family_rule,
        count(*) as n_members,
        sum(case when is_child then 0 else 1 end) as n_adults,
        sum(case when is_child then 1 else 0 end) as n_children,
        sum(case when is_placed_child then 1 else 0 end) as n_placed_children
    from int_families_formed
    group by analysis_year, family_id

),

final as (

    select
        analysis_year,
        family_id,
        case
            when family_rule in ('residential_institution', 'no_fixed_address')
                then family_rule
            else 'private_address'
        end as family_kind,
        n_members,
        n_adults,
        n_children,
        n_placed_children,
        n_children > 0 as has_children,
        -- enlig forsørger: one adult with one or more children
        (n_adults = 1 and n_children > 0) as is_single_provider,
        n_members = 1 as is_single_person
    from families_counted

)

select * from final