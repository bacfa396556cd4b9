-- How many of the costliest citizens (families) of the municipality are also
-- among the costliest of the region, for each top_percent (Stevns: 12 of the
-- 226 costliest 1 %).
with

unit_cost_ranks as (

    select * from "welfare"."restricted"."unit_cost_ranks"

),

top_percents as (

    
    select cast(1 as integer) as top_percent
    union all
    select cast(3 as integer) as top_percent
    union all
    select cast(5 as integer) as top_percent
    union all
    select cast(10 as integer) as top_percent

),

ranks_side_by_side as (

    select
        municipal.population,
        municipal.analysis_year,
        municipal.unit_id,
        municipal.population_size,
        municipal.cost_rank as municipal_rank,
        regional.cost_rank as regional_rank
    from unit_cost_ranks as municipal
    inner join unit_cost_ranks as regional
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
        cast(floor(ranks_side_by_side.population_size * top_percents.top_percent / 100.0 + 0.5) as integer) as n_units,
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

    -- counts of 1 to var min_cell_size - 1 units are withheld, not dropped
    select
        analysis_year,
        population,
        top_percent,
        case
        when (n_units = 0 or n_units >= 5) then n_units
    end as n_units,
        cast(
            case
        when (n_top_municipal = 0 or n_top_municipal >= 5) then n_top_municipal
    end
            as bigint
        ) as n_top_municipal,
        cast(
            case
        when (n_top_regional = 0 or n_top_regional >= 5) then n_top_regional
    end
            as bigint
        ) as n_top_regional,
        cast(
            case
        when (n_in_both = 0 or n_in_both >= 5) then n_in_both
    end
            as bigint
        ) as n_in_both,
        case
            when
                n_top_municipal > 0
                and (n_in_both = 0 or n_in_both >= 5)
                and (n_top_municipal = 0 or n_top_municipal >= 5)
                then cast(n_in_both as double precision) / n_top_municipal
        end as share_in_both,
        not(
            (n_in_both = 0 or n_in_both >= 5)
            and (n_top_municipal = 0 or n_top_municipal >= 5)
            and (n_top_regional = 0 or n_top_regional >= 5)
        ) as is_suppressed
    from counted

)

select * from final