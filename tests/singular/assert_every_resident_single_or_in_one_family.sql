-- Every person resident in the municipality on the reference date is placed
-- once: either single (no family) or in one family, and every family has at
-- least var family_min_members members.
with

int_residents_at_reference_date as (

    select * from {{ ref('int_residents_at_reference_date') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

placements_counted as (

    select
        int_residents_at_reference_date.analysis_year,
        int_residents_at_reference_date.person_id,
        count(int_families_formed.person_id) as n_placements,
        sum(
            case
                when
                    int_families_formed.is_single
                    = (int_families_formed.family_id is null)
                    then 0
                else 1
            end
        ) as n_contradictions
    from int_residents_at_reference_date
    left join int_families_formed
        on
            int_residents_at_reference_date.analysis_year
            = int_families_formed.analysis_year
            and int_residents_at_reference_date.person_id
            = int_families_formed.person_id
    group by
        int_residents_at_reference_date.analysis_year,
        int_residents_at_reference_date.person_id

),

families_counted as (

    select
        analysis_year,
        family_id,
        count(*) as n_members
    from int_families_formed
    where family_id is not null
    group by analysis_year, family_id

),

failures as (

    select
        analysis_year,
        person_id as unit_id,
        {{ dbt.concat([
            "'resident placed '",
            'cast(n_placements as ' ~ dbt.type_string() ~ ')',
            "' times or single with a family'"
        ]) }} as failure
    from placements_counted
    where n_placements <> 1 or n_contradictions > 0
    union all
    select
        analysis_year,
        family_id as unit_id,
        'family of fewer than family_min_members' as failure
    from families_counted
    where n_members < {{ var('family_min_members') }}

)

select * from failures
