-- Every person of a year's population and the family (familie) they belong
-- to on the reference date, by the rules of the reports: var
-- family_min_members (2) or more persons at one private address; everyone
-- else is single (enlig) and in no family.
with

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

int_residents_at_reference_date as (

    select * from {{ ref('int_residents_at_reference_date') }}

),

int_persons_validated as (

    select * from {{ ref('int_persons_validated') }}

),

int_relations_validated as (

    select * from {{ ref('int_relations_validated') }}

),

int_service_deliveries_validated as (

    select * from {{ ref('int_service_deliveries_validated') }}

),

function_groups as (

    select * from {{ ref('function_groups') }}

),

valid_persons as (

    select * from int_persons_validated
    where not is_rejected

),

valid_relations as (

    select * from int_relations_validated
    where not is_rejected

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
    -- the placements: the functions of the function_groups seed's group
    -- var placement_service_group
    inner join function_groups
        on
            valid_deliveries.function_number = function_groups.function_number
            and function_groups.group_code
            = '{{ var('placement_service_group') }}'

),

placed_children as (

    select
        placements_on_reference_date.analysis_year,
        placements_on_reference_date.person_id,
        valid_persons.sex,
        valid_persons.birth_date,
        {{ welfare_segments.age_at(
            'valid_persons.birth_date',
            'int_analysis_years.reference_date'
        ) }} as age_at_reference_date
    from placements_on_reference_date
    inner join int_analysis_years
        on
            placements_on_reference_date.analysis_year
            = int_analysis_years.analysis_year
    inner join valid_persons
        on
            placements_on_reference_date.person_id
            = valid_persons.person_id
    where
        valid_persons.birth_date
        <= int_analysis_years.reference_date
        and (
            valid_persons.death_date is null
            or valid_persons.death_date
            > int_analysis_years.reference_date
        )

),

parents_at_private_addresses as (

    select
        int_residents_at_reference_date.analysis_year,
        valid_relations.person_id as child_person_id,
        valid_relations.relation_type,
        min(int_residents_at_reference_date.address_id) as address_id
    from valid_relations
    inner join int_residents_at_reference_date
        on
            valid_relations.related_person_id
            = int_residents_at_reference_date.person_id
    where
        valid_relations.relation_type in ('mother', 'father')
        and int_residents_at_reference_date.address_kind = 'private'
    group by
        int_residents_at_reference_date.analysis_year,
        valid_relations.person_id,
        valid_relations.relation_type

),

placed_children_with_parent as (

    select
        placed_children.analysis_year,
        placed_children.person_id,
        placed_children.sex,
        placed_children.birth_date,
        placed_children.age_at_reference_date,
        {%- if var('placed_child_at_father') %}
            coalesce(mothers.address_id, fathers.address_id) as address_id,
        {%- else %}
            mothers.address_id,
        {%- endif %}
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
    {%- if var('placed_child_at_father') %}
        left join parents_at_private_addresses as fathers
            on
                placed_children.analysis_year = fathers.analysis_year
                and placed_children.person_id = fathers.child_person_id
                and fathers.relation_type = 'father'
    {%- endif %}
    where
        placed_children.age_at_reference_date < {{ var('adult_age') }}
        {%- if var('placed_child_at_father') %}
            and coalesce(mothers.address_id, fathers.address_id) is not null
        {%- else %}
            and mothers.address_id is not null
        {%- endif %}

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

households as (

    -- the persons counted at each private address; a resident of an
    -- institution or a person without a fixed address counts alone
    select
        *,
        case
            when family_rule in ('residential_institution', 'no_fixed_address')
                then {{ dbt.concat(["'P-'", "person_id"]) }}
            else {{ dbt.concat(["'A-'", "address_id"]) }}
        end as household_id,
        family_rule in ('residential_institution', 'no_fixed_address')
            as is_outside_private_addresses
    from members

),

households_counted as (

    select
        *,
        count(*) over (partition by analysis_year, household_id)
            as household_size
    from households

),

families_found as (

    select
        *,
        (
            not is_outside_private_addresses
            and household_size >= {{ var('family_min_members') }}
        ) as is_in_family
    from households_counted

),

final as (

    select
        analysis_year,
        person_id,
        case when is_in_family then household_id end as family_id,
        not is_in_family as is_single,
        household_size,
        family_rule,
        family_rule in (
            'placed_child_at_mother', 'placed_child_at_father'
        ) as is_placed_child,
        sex,
        birth_date,
        age_at_reference_date,
        age_at_reference_date < {{ var('adult_age') }} as is_child
    from families_found

)

select * from final
