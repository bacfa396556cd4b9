-- One row per unit of each year's populations (every citizen and every
-- family) with what the segment profile sheet reports besides cost: age,
-- household, number of services, areas and chronic conditions, and the
-- regional activity (hospital contacts by kind, own GP, emergency GP,
-- psychologist), sex, size and the departments (visitation units) that
-- granted its services. A family's counts are its members' summed, its
-- departments counted once however many members they serve; its age is the
-- oldest member's.
{%- set measures = regional_activity_measures() %}
with

int_person_features as (

    select * from {{ ref('int_person_features') }}

),

int_family_features as (

    select * from {{ ref('int_family_features') }}

),

int_unit_conditions as (

    select * from {{ ref('int_unit_conditions') }}

),

int_service_deliveries_weighted as (

    select * from {{ ref('int_service_deliveries_weighted') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_hospital_contacts_validated as (

    select * from {{ ref('int_hospital_contacts_validated') }}

),

int_health_insurance_services_validated as (

    select * from {{ ref('int_health_insurance_services_validated') }}

),

hospital_counted as (

    select
        person_id,
        contact_year as analysis_year,
        {%- for measure, measure_name, name_da, source, condition in measures
            if source == 'hospital' %}
            sum(case when {{ condition }} then 1 else 0 end)
                as n_{{ measure }},
        {%- endfor %}
        count(*) as n_hospital_contacts
    from int_hospital_contacts_validated
    where not is_rejected
    group by person_id, contact_year

),

health_insurance_counted as (

    select
        person_id,
        service_year as analysis_year,
        {%- for measure, measure_name, name_da, source, condition in measures
            if source == 'health_insurance' %}
            sum(case when {{ condition }} then 1 else 0 end)
                as n_{{ measure }},
        {%- endfor %}
        count(*) as n_primary_care_services
    from int_health_insurance_services_validated
    where not is_rejected
    group by person_id, service_year

),

chronic_conditions_counted as (

    select
        population,
        unit_id,
        analysis_year,
        count(*) as n_chronic_conditions
    from int_unit_conditions
    where is_chronic_condition
    group by population, unit_id, analysis_year

),

person_departments as (

    -- the departments that granted a person's services in the year (a
    -- delivery with days in it, of a function the analysis counts); none
    -- where the extract records none
    select distinct
        int_service_deliveries_weighted.person_id,
        int_service_deliveries_weighted.analysis_year,
        int_service_deliveries_weighted.department
    from int_service_deliveries_weighted
    inner join function_catalogue
        on
            int_service_deliveries_weighted.function_number
            = function_catalogue.function_number
    where
        function_catalogue.is_relevant
        and int_service_deliveries_weighted.department is not null
        and int_service_deliveries_weighted.days_in_year > 0

),

person_departments_counted as (

    select
        person_id,
        analysis_year,
        count(*) as n_departments
    from person_departments
    group by person_id, analysis_year

),

family_departments_counted as (

    select
        int_person_features.family_id,
        person_departments.analysis_year,
        count(distinct person_departments.department) as n_departments
    from person_departments
    inner join int_person_features
        on
            person_departments.person_id = int_person_features.person_id
            and person_departments.analysis_year
            = int_person_features.analysis_year
    where int_person_features.family_id is not null
    group by int_person_features.family_id, person_departments.analysis_year

),

persons_counted as (

    select
        int_person_features.person_id,
        int_person_features.family_id,
        int_person_features.analysis_year,
        int_person_features.age_at_reference_date,
        int_person_features.sex,
        int_person_features.is_single,
        int_person_features.is_in_single_provider_family,
        int_person_features.has_children_in_family,
        int_person_features.n_services,
        int_person_features.n_areas,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            coalesce(
                {{ 'hospital_counted' if source == 'hospital'
                    else 'health_insurance_counted' }}.n_{{ measure }}, 0
            ) as n_{{ measure }},
        {%- endfor %}
        coalesce(hospital_counted.n_hospital_contacts, 0)
            as n_hospital_contacts,
        coalesce(health_insurance_counted.n_primary_care_services, 0)
            as n_primary_care_services,
        coalesce(person_departments_counted.n_departments, 0) as n_departments
    from int_person_features
    left join hospital_counted
        on
            int_person_features.person_id = hospital_counted.person_id
            and int_person_features.analysis_year
            = hospital_counted.analysis_year
    left join health_insurance_counted
        on
            int_person_features.person_id = health_insurance_counted.person_id
            and int_person_features.analysis_year
            = health_insurance_counted.analysis_year
    left join person_departments_counted
        on
            int_person_features.person_id = person_departments_counted.person_id
            and int_person_features.analysis_year
            = person_departments_counted.analysis_year

),

families_counted as (

    select
        family_id,
        analysis_year,
        max(age_at_reference_date) as oldest_age,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            sum(n_{{ measure }}) as n_{{ measure }},
        {%- endfor %}
        sum(n_hospital_contacts) as n_hospital_contacts,
        sum(n_primary_care_services) as n_primary_care_services
    from persons_counted
    group by family_id, analysis_year

),

units_described as (

    select
        'citizens' as population,
        person_id as unit_id,
        analysis_year,
        age_at_reference_date as age,
        sex = 'F' as is_woman,
        1 as n_members,
        is_single,
        is_in_single_provider_family as is_single_provider,
        has_children_in_family as has_children,
        n_services,
        n_areas,
        n_departments,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            n_{{ measure }},
        {%- endfor %}
        n_hospital_contacts,
        n_primary_care_services
    from persons_counted
    union all
    select
        'families' as population,
        int_family_features.family_id as unit_id,
        int_family_features.analysis_year,
        families_counted.oldest_age as age,
        -- sex is a citizen's: a family sheet has no line of women
        cast(null as boolean) as is_woman,
        int_family_features.n_members,
        -- a family has two or more members: never single
        false as is_single,
        int_family_features.is_single_provider,
        int_family_features.has_children,
        int_family_features.n_services,
        int_family_features.n_areas,
        coalesce(family_departments_counted.n_departments, 0) as n_departments,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            families_counted.n_{{ measure }},
        {%- endfor %}
        families_counted.n_hospital_contacts,
        families_counted.n_primary_care_services
    from int_family_features
    inner join families_counted
        on
            int_family_features.family_id = families_counted.family_id
            and int_family_features.analysis_year
            = families_counted.analysis_year
    left join family_departments_counted
        on
            int_family_features.family_id = family_departments_counted.family_id
            and int_family_features.analysis_year
            = family_departments_counted.analysis_year

),

final as (

    select
        units_described.population,
        units_described.unit_id,
        units_described.analysis_year,
        units_described.age,
        {{ age_band('units_described.age') }} as age_band,
        units_described.is_woman,
        units_described.n_members,
        units_described.is_single,
        units_described.is_single_provider,
        units_described.has_children,
        units_described.n_services,
        units_described.n_areas,
        units_described.n_departments,
        coalesce(chronic_conditions_counted.n_chronic_conditions, 0)
            as n_chronic_conditions,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            units_described.n_{{ measure }},
        {%- endfor %}
        units_described.n_hospital_contacts,
        units_described.n_primary_care_services,
        -- the reports: a municipal service AND contact with both primary care
        -- and a hospital
        (
            units_described.n_services > 0
            and units_described.n_primary_care_services > 0
            and units_described.n_hospital_contacts > 0
        ) as has_municipal_primary_care_and_hospital
    from units_described
    left join chronic_conditions_counted
        on
            units_described.population = chronic_conditions_counted.population
            and units_described.unit_id = chronic_conditions_counted.unit_id
            and units_described.analysis_year
            = chronic_conditions_counted.analysis_year

)

select * from final
