-- One row per person of each year's population with the features the
-- segment rules need: age band, household, transfers, child welfare,
-- psychiatry, substance abuse, conditions, services and areas.
with

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

int_person_service_groups as (

    select * from {{ ref('int_person_service_groups') }}

),

int_person_conditions as (

    select * from {{ ref('int_person_conditions') }}

),

int_hospital_contacts_validated as (

    select * from {{ ref('int_hospital_contacts_validated') }}

),

int_health_insurance_services_validated as (

    select * from {{ ref('int_health_insurance_services_validated') }}

),

groups_flagged as (

    select
        {%- for group in (
            var('feature_service_groups') + var('segment_service_groups')
        ) | unique %}
            max(case when group_code = '{{ group }}' then 1 else 0 end)
                as has_{{ group }},
        {%- endfor %}
        person_id,
        analysis_year
    from int_person_service_groups
    group by person_id, analysis_year

),

transfers_received as (

    select
        person_id,
        analysis_year,
        max(case when cost_type = 'overfoersel' then 1 else 0 end)
            as receives_transfer_income
    from int_person_services
    group by person_id, analysis_year

),

conditions_counted as (

    select
        person_id,
        analysis_year,
        sum(case when is_chronic_condition then 1 else 0 end)
            as n_chronic_conditions,
        max(case when condition_code = 'substance_abuse' then 1 else 0 end)
            as has_substance_abuse_diagnosis,
        max(case when condition_code = 'psychiatric_disorder' then 1 else 0 end)
            as has_psychiatric_disorder,
        {%- for condition in var('segment_conditions') %}
            max(case when condition_code = '{{ condition }}' then 1 else 0 end)
                as has_{{ condition }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from int_person_conditions
    group by person_id, analysis_year

),

psychiatry_contacts as (

    -- a psychiatric hospital contact or a psychologist in the year
    select distinct
        person_id,
        contact_year as analysis_year
    from int_hospital_contacts_validated
    where not is_rejected and hospital_sector = 'psychiatric'
    union
    select distinct
        person_id,
        service_year as analysis_year
    from int_health_insurance_services_validated
    where not is_rejected and provider_type = 'psychologist'

),

final as (

    select
        int_families_formed.person_id,
        int_families_formed.analysis_year,
        int_families_formed.family_id,
        int_families_formed.sex,
        int_families_formed.age_at_reference_date,
        {{ age_band('int_families_formed.age_at_reference_date') }} as age_band,
        int_families_formed.is_child,
        int_families_formed.is_single,
        coalesce(int_families_described.is_single_provider, false)
            as is_in_single_provider_family,
        coalesce(int_families_described.has_children, false)
            as has_children_in_family,
        int_families_formed.family_rule = 'no_fixed_address'
            as has_no_fixed_address,
        coalesce(transfers_received.receives_transfer_income, 0) = 1
            as receives_transfer_income,
        coalesce(groups_flagged.has_child_welfare_case, 0) = 1
            as has_child_welfare_case,
        (
            int_families_formed.is_placed_child
            or coalesce(groups_flagged.has_placement, 0) = 1
        ) as is_placed,
        psychiatry_contacts.person_id is not null
            as has_psychiatric_contact_or_psychologist,
        (
            coalesce(conditions_counted.has_substance_abuse_diagnosis, 0) = 1
            or coalesce(groups_flagged.has_addiction_treatment, 0) = 1
        ) as has_substance_abuse,
        coalesce(conditions_counted.has_psychiatric_disorder, 0) = 1
            as has_psychiatric_disorder,
        coalesce(conditions_counted.n_chronic_conditions, 0)
            as n_chronic_conditions,
        (
            int_families_formed.is_child
            and coalesce(groups_flagged.has_child_disability, 0) = 1
        ) as has_child_disability,
        coalesce(groups_flagged.has_integration_programme, 0) = 1
            as in_integration_programme,
        coalesce(groups_flagged.has_flex_job, 0) = 1 as in_flex_job,
        coalesce(groups_flagged.has_resource_course, 0) = 1
            as in_resource_course,
        coalesce(groups_flagged.has_housing_support, 0) = 1
            as receives_housing_support,
        {%- for group in var('segment_service_groups') %}
            coalesce(groups_flagged.has_{{ group }}, 0) = 1 as has_{{ group }},
        {%- endfor %}
        {%- for condition in var('segment_conditions') %}
            coalesce(conditions_counted.has_{{ condition }}, 0) = 1
                as has_{{ condition }},
        {%- endfor %}
        int_unit_costs.n_services,
        int_unit_costs.n_areas
    from int_families_formed
    left join int_families_described
        on
            int_families_formed.family_id = int_families_described.family_id
            and int_families_formed.analysis_year
            = int_families_described.analysis_year
    -- every person of the population is a unit with costs (0 when none)
    inner join int_unit_costs
        on
            int_unit_costs.population = 'citizens'
            and int_families_formed.person_id = int_unit_costs.unit_id
            and int_families_formed.analysis_year
            = int_unit_costs.analysis_year
    left join transfers_received
        on
            int_families_formed.person_id = transfers_received.person_id
            and int_families_formed.analysis_year
            = transfers_received.analysis_year
    left join groups_flagged
        on
            int_families_formed.person_id = groups_flagged.person_id
            and int_families_formed.analysis_year = groups_flagged.analysis_year
    left join conditions_counted
        on
            int_families_formed.person_id = conditions_counted.person_id
            and int_families_formed.analysis_year
            = conditions_counted.analysis_year
    left join psychiatry_contacts
        on
            int_families_formed.person_id = psychiatry_contacts.person_id
            and int_families_formed.analysis_year
            = psychiatry_contacts.analysis_year

)

select * from final
