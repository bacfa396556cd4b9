-- Which services drive the cost of the costliest 1 % of citizens: for each
-- function, how many of them receive it and what it costs them in total.
-- Compile with `dbt compile` and run the SQL in target/compiled/. Reads the
-- restricted schema: the result is aggregated, but check cell sizes before
-- publishing.
with

unit_cost_ranks as (

    select * from {{ ref('unit_cost_ranks') }}

),

cost_concentration as (

    select * from {{ ref('cost_concentration') }}

),

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

costliest_citizens as (

    select
        unit_cost_ranks.analysis_year,
        unit_cost_ranks.unit_id as person_id
    from unit_cost_ranks
    inner join cost_concentration
        on
            unit_cost_ranks.analysis_year = cost_concentration.analysis_year
            and unit_cost_ranks.population = cost_concentration.population
            and unit_cost_ranks.cost_scope = cost_concentration.cost_scope
            and unit_cost_ranks.cost_rank <= cost_concentration.n_units
    where
        unit_cost_ranks.population = 'citizens'
        and unit_cost_ranks.cost_scope = 'total'
        and cost_concentration.top_percent = 1

),

final as (

    select
        costliest_citizens.analysis_year,
        int_costs_allocated_to_persons.function_number,
        function_catalogue.service_name,
        count(distinct costliest_citizens.person_id) as n_citizens,
        sum(int_costs_allocated_to_persons.amount) as total_cost
    from costliest_citizens
    inner join int_costs_allocated_to_persons
        on
            costliest_citizens.person_id
            = int_costs_allocated_to_persons.person_id
            and costliest_citizens.analysis_year
            = int_costs_allocated_to_persons.analysis_year
    left join function_catalogue
        on
            int_costs_allocated_to_persons.function_number
            = function_catalogue.function_number
    group by
        costliest_citizens.analysis_year,
        int_costs_allocated_to_persons.function_number,
        function_catalogue.service_name

)

select
    analysis_year,
    function_number,
    service_name,
    n_citizens,
    total_cost
from final
order by analysis_year asc, total_cost desc
