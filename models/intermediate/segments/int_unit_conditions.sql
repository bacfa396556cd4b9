-- The conditions of every unit of the populations: a citizen's own, and a
-- family's when at least one member has it.
with

int_person_conditions as (

    select * from {{ ref('int_person_conditions') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

citizens_in_population as (

    select
        int_person_conditions.person_id,
        int_person_conditions.analysis_year,
        int_person_conditions.condition_code,
        int_person_conditions.is_chronic_condition,
        int_families_formed.family_id
    from int_person_conditions
    inner join int_families_formed
        on
            int_person_conditions.person_id = int_families_formed.person_id
            and int_person_conditions.analysis_year
            = int_families_formed.analysis_year

),

final as (

    select
        'citizens' as population,
        person_id as unit_id,
        analysis_year,
        condition_code,
        is_chronic_condition
    from citizens_in_population
    union all
    select distinct
        'families' as population,
        family_id as unit_id,
        analysis_year,
        condition_code,
        is_chronic_condition
    from citizens_in_population
    where family_id is not null

)

select * from final
