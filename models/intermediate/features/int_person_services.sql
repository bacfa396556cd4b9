-- The municipal services (functions of the chart of accounts) each person
-- receives in each analysis year: a service counts when the person's net cost
-- on its function is positive. The function list the segment rules read.
with

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

final as (

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

)

select * from final
