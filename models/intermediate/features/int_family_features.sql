-- One row per family of each year with the features of its members that the
-- family segment rules need: a feature holds for the family when it holds for
-- at least one member.
with

int_person_features as (

    select * from {{ ref('int_person_features') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

services_counted as (

    -- a service counts when the members together have a positive cost on
    -- its function (int_unit_costs)
    select
        unit_id as family_id,
        analysis_year,
        n_services,
        n_areas
    from int_unit_costs
    where population = 'families'

),

members_combined as (

    select
        family_id,
        analysis_year,
        {%- for feature in var('family_feature_flags') %}
            max(case when {{ feature }} then 1 else 0 end) = 1
                as any_{{ feature }},
        {%- endfor %}
        max(case when is_child then 0 else 1 end) = 1 as has_adult,
        sum(n_chronic_conditions) as n_member_chronic_conditions,
        min(age_at_reference_date) as youngest_age,
        max(age_at_reference_date) as oldest_age
    from int_person_features
    where family_id is not null
    group by family_id, analysis_year

),

final as (

    select
        int_families_described.family_id,
        int_families_described.analysis_year,
        int_families_described.n_members,
        int_families_described.n_children,
        int_families_described.has_children,
        int_families_described.is_single_provider,
        members_combined.has_adult,
        {%- for feature in var('family_feature_flags') %}
            members_combined.any_{{ feature }},
        {%- endfor %}
        members_combined.n_member_chronic_conditions,
        members_combined.youngest_age,
        members_combined.oldest_age,
        coalesce(services_counted.n_services, 0) as n_services,
        coalesce(services_counted.n_areas, 0) as n_areas
    from int_families_described
    inner join members_combined
        on
            int_families_described.family_id = members_combined.family_id
            and int_families_described.analysis_year
            = members_combined.analysis_year
    left join services_counted
        on
            int_families_described.family_id = services_counted.family_id
            and int_families_described.analysis_year
            = services_counted.analysis_year

)

select * from final
