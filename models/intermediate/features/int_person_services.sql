-- The municipal services (functions of the chart of accounts) each person
-- receives in each analysis year: a service counts when the person's net cost
-- on its function is positive. The function list the segment rules read;
-- is_counted_area says whether its area counts in the number of areas.
with

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

area_vocabulary as (

    select * from {{ ref('area_vocabulary') }}

),

services_summed as (

    select
        person_id,
        analysis_year,
        function_number,
        min({{ area_column() }}) as area_code,
        min(cost_type) as cost_type,
        sum(amount) as service_cost
    from int_costs_allocated_to_persons
    where sector = 'municipal'
    group by person_id, analysis_year, function_number
    having sum(amount) > 0

),

final as (

    select
        services_summed.person_id,
        services_summed.analysis_year,
        services_summed.function_number,
        services_summed.area_code,
        coalesce(area_vocabulary.is_counted_area, false) as is_counted_area,
        services_summed.cost_type,
        services_summed.service_cost
    from services_summed
    left join area_vocabulary
        on
            area_vocabulary.vocabulary = '{{ var('area_vocabulary') }}'
            and services_summed.area_code = area_vocabulary.area_code

)

select * from final
