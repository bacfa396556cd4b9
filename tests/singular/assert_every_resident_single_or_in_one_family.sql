-- Every person resident in the municipality on the reference date belongs to
-- exactly one family.
with

int_residents_at_reference_date as (

    select * from {{ ref('int_residents_at_reference_date') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

memberships_counted as (

    select
        int_residents_at_reference_date.analysis_year,
        int_residents_at_reference_date.person_id,
        count(int_families_formed.family_id) as n_families
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

)

select *
from memberships_counted
where n_families <> 1
