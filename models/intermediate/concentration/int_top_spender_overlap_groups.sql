-- How many of the costliest citizens (families) of the municipality are also
-- among the costliest of the region, for each top_percent (Stevns: 12 of the
-- 226 costliest 1 %), before disclosure control. The municipal and the
-- regional group are the cells of int_cost_concentration_groups.
with

int_unit_cost_ranks as (

    select * from {{ ref('int_unit_cost_ranks') }}

),

top_percents as (

    {{ top_percents_relation() }}

),

ranks_side_by_side as (

    select
        municipal.population,
        municipal.analysis_year,
        municipal.unit_id,
        municipal.population_size,
        municipal.cost_rank as municipal_rank,
        regional.cost_rank as regional_rank
    from int_unit_cost_ranks as municipal
    inner join int_unit_cost_ranks as regional
        on
            municipal.population = regional.population
            and municipal.analysis_year = regional.analysis_year
            and municipal.unit_id = regional.unit_id
            and regional.cost_scope = 'regional'
    where municipal.cost_scope = 'municipal'

),

flagged as (

    select
        ranks_side_by_side.population,
        ranks_side_by_side.analysis_year,
        top_percents.top_percent,
        {{ top_group_size(
            'ranks_side_by_side.population_size', 'top_percents.top_percent'
        ) }} as n_units,
        ranks_side_by_side.municipal_rank,
        ranks_side_by_side.regional_rank
    from ranks_side_by_side
    cross join top_percents

),

counted as (

    select
        population,
        analysis_year,
        top_percent,
        max(n_units) as n_units,
        sum(case when municipal_rank <= n_units then 1 else 0 end)
            as n_top_municipal,
        sum(case when regional_rank <= n_units then 1 else 0 end)
            as n_top_regional,
        sum(
            case
                when municipal_rank <= n_units and regional_rank <= n_units
                    then 1
                else 0
            end
        ) as n_in_both
    from flagged
    group by population, analysis_year, top_percent

),

final as (

    select
        analysis_year,
        population,
        top_percent,
        {{ disclosure_cell_id([
            "'top_spender_overlap'", 'analysis_year', 'population',
            'top_percent'
        ]) }} as cell_id,
        {{ disclosure_cell_id([
            "'concentration'", 'analysis_year', 'population', "'municipal'",
            'top_percent'
        ]) }} as municipal_cell_id,
        {{ disclosure_cell_id([
            "'concentration'", 'analysis_year', 'population', "'regional'",
            'top_percent'
        ]) }} as regional_cell_id,
        cast(n_units as {{ dbt.type_bigint() }}) as n_units,
        cast(n_top_municipal as {{ dbt.type_bigint() }}) as n_top_municipal,
        cast(n_top_regional as {{ dbt.type_bigint() }}) as n_top_regional,
        cast(n_in_both as {{ dbt.type_bigint() }}) as n_in_both
    from counted

)

select * from final
