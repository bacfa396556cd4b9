-- One row per unit of each year (every citizen, every person with a cost
-- outside the population, every family): what it cost the municipality and
-- the region, by area and cost type, and its number of services and areas.
-- The one home of a unit's costs: person_costs, family_costs, the ranks and
-- the segment tables project it. A family's costs are its members' summed;
-- its services are those the members together have a positive cost on
-- (int_family_services), so a family can have fewer than its members.
{%- set cost_columns = ['total_cost', 'municipal_cost', 'regional_cost'] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- do cost_columns.append(column_name) %}
{%- endfor %}
with

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

int_family_services as (

    select * from {{ ref('int_family_services') }}

),

costs_summed as (

    select
        person_id,
        analysis_year,
        sum(amount) as total_cost,
        sum(case when sector = 'municipal' then amount else 0 end)
            as municipal_cost,
        sum(case when sector = 'regional' then amount else 0 end)
            as regional_cost,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            sum(
                case
                    when {{ fact_column }} = '{{ value }}' then amount else 0
                end
            ) as {{ column_name }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from int_costs_allocated_to_persons
    group by person_id, analysis_year

),

person_services_counted as (

    -- a service counts when the person has a positive cost on its function
    select
        person_id,
        analysis_year,
        count(*) as n_services,
        count(distinct case when is_counted_area then area_code end)
            as n_areas
    from int_person_services
    group by person_id, analysis_year

),

family_services_counted as (

    select
        family_id,
        analysis_year,
        count(*) as n_services,
        count(distinct case when is_counted_area then area_code end)
            as n_areas
    from int_family_services
    group by family_id, analysis_year

),

persons_in_scope as (

    -- the population and whoever else has a cost (moved away, died)
    select
        person_id,
        analysis_year
    from int_families_formed
    union
    select
        person_id,
        analysis_year
    from costs_summed

),

person_units as (

    select
        persons_in_scope.person_id,
        persons_in_scope.analysis_year,
        int_families_formed.family_id,
        int_families_formed.person_id is not null as is_in_population,
        {%- for column in cost_columns %}
            coalesce(costs_summed.{{ column }}, 0) as {{ column }},
        {%- endfor %}
        coalesce(person_services_counted.n_services, 0) as n_services,
        coalesce(person_services_counted.n_areas, 0) as n_areas
    from persons_in_scope
    left join int_families_formed
        on
            persons_in_scope.person_id = int_families_formed.person_id
            and persons_in_scope.analysis_year
            = int_families_formed.analysis_year
    left join costs_summed
        on
            persons_in_scope.person_id = costs_summed.person_id
            and persons_in_scope.analysis_year = costs_summed.analysis_year
    left join person_services_counted
        on
            persons_in_scope.person_id = person_services_counted.person_id
            and persons_in_scope.analysis_year
            = person_services_counted.analysis_year

),

members_summed as (

    select
        family_id,
        analysis_year,
        {%- for column in cost_columns %}
            sum({{ column }}) as {{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from person_units
    where is_in_population and family_id is not null
    group by family_id, analysis_year

),

final as (

    select
        'citizens' as population,
        person_id as unit_id,
        analysis_year,
        is_in_population,
        {%- for column in cost_columns %}
            {{ column }},
        {%- endfor %}
        n_services,
        n_areas
    from person_units
    union all
    select
        'families' as population,
        int_families_described.family_id as unit_id,
        int_families_described.analysis_year,
        true as is_in_population,
        {%- for column in cost_columns %}
            coalesce(members_summed.{{ column }}, 0) as {{ column }},
        {%- endfor %}
        coalesce(family_services_counted.n_services, 0) as n_services,
        coalesce(family_services_counted.n_areas, 0) as n_areas
    from int_families_described
    left join members_summed
        on
            int_families_described.family_id = members_summed.family_id
            and int_families_described.analysis_year
            = members_summed.analysis_year
    left join family_services_counted
        on
            int_families_described.family_id
            = family_services_counted.family_id
            and int_families_described.analysis_year
            = family_services_counted.analysis_year

)

select * from final
