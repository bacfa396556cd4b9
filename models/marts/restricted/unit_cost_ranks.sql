{{ config(materialized='view') }}
-- Every citizen and family of each year's population ranked by total,
-- municipal and regional cost (int_unit_cost_ranks). Unit level: restricted.
with

int_unit_cost_ranks as (

    select * from {{ ref('int_unit_cost_ranks') }}

),

final as (

    select
        population,
        analysis_year,
        cost_scope,
        unit_id,
        unit_cost,
        cost_rank,
        population_size,
        population_cost
    from int_unit_cost_ranks

)

select * from final
