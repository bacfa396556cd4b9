-- One row per person and year: what the person cost the municipality and the
-- region, by area and cost type. Person level: restricted schema.
with

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

costs_summed as (

    select
        person_id,
        analysis_year,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            sum(
                case
                    when {{ fact_column }} = '{{ value }}' then amount else 0
                end
            )
                as {{ column_name }},
        {%- endfor %}
        sum(case when sector = 'municipal' then amount else 0 end)
            as municipal_cost,
        sum(case when sector = 'regional' then amount else 0 end)
            as regional_cost,
        sum(amount) as total_cost
    from int_costs_allocated_to_persons
    group by person_id, analysis_year

),

services_counted as (

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

persons_in_scope as (

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

final as (

    select
        persons_in_scope.person_id,
        persons_in_scope.analysis_year,
        int_families_formed.person_id is not null as is_in_population,
        int_families_formed.family_id,
        int_families_formed.is_single,
        int_families_formed.sex,
        int_families_formed.age_at_reference_date,
        coalesce(int_families_formed.is_child, false) as is_child,
        coalesce(costs_summed.total_cost, 0) as total_cost,
        coalesce(costs_summed.municipal_cost, 0) as municipal_cost,
        coalesce(costs_summed.regional_cost, 0) as regional_cost,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            coalesce(costs_summed.{{ column_name }}, 0) as {{ column_name }},
        {%- endfor %}
        coalesce(services_counted.n_services, 0) as n_services,
        coalesce(services_counted.n_areas, 0) as n_areas
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
    left join services_counted
        on
            persons_in_scope.person_id = services_counted.person_id
            and persons_in_scope.analysis_year = services_counted.analysis_year

)

select * from final
