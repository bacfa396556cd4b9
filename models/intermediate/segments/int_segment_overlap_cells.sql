-- Segment x segment overlap within each population and year, before
-- disclosure control: how many units are in both segments and what they cost
-- (the reports' method: used to avoid counting a saving twice). Every ordered
-- pair is listed, also when no unit is in both; the diagonal holds each
-- segment's size and cost. A pair and its mirror share one cell id, and the
-- diagonal shares the segment's cell id with the profile sheet, so that
-- int_cells_withheld decides once for equal figures. The reference segments
-- (whole populations) are left out.
with

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

int_segment_unit_costs as (

    select * from {{ ref('int_segment_unit_costs') }}

),

target_members as (

    select int_segment_unit_costs.*
    from int_segment_unit_costs
    inner join segment_catalogue
        on int_segment_unit_costs.segment_id = segment_catalogue.segment_id
    where not segment_catalogue.is_reference

),

segment_pairs as (

    select
        segment_catalogue.population,
        int_analysis_years.analysis_year,
        segment_catalogue.segment_id,
        other_segments.segment_id as other_segment_id
    from segment_catalogue
    inner join segment_catalogue as other_segments
        on segment_catalogue.population = other_segments.population
    cross join int_analysis_years
    -- a whole population overlaps each of its segments in the segment itself
    where not segment_catalogue.is_reference and not other_segments.is_reference

),

units_in_both as (

    select
        target_members.analysis_year,
        target_members.segment_id,
        other_members.segment_id as other_segment_id,
        count(*) as n_units_in_both,
        sum(target_members.total_cost) as cost_in_both,
        max(abs(target_members.total_cost)) as largest_unit_cost,
        sum(abs(target_members.total_cost)) as abs_cost_sum
    from target_members
    inner join target_members as other_members
        on
            target_members.population = other_members.population
            and target_members.unit_id = other_members.unit_id
            and target_members.analysis_year = other_members.analysis_year
    group by
        target_members.analysis_year,
        target_members.segment_id,
        other_members.segment_id

),

segment_sizes as (

    select
        analysis_year,
        segment_id,
        n_units_in_both as segment_size
    from units_in_both
    where segment_id = other_segment_id

),

pairs_counted as (

    select
        segment_pairs.population,
        segment_pairs.analysis_year,
        segment_pairs.segment_id,
        segment_pairs.other_segment_id,
        coalesce(units_in_both.n_units_in_both, 0) as n_units_in_both,
        coalesce(units_in_both.cost_in_both, 0) as cost_in_both,
        coalesce(units_in_both.largest_unit_cost, 0) as largest_unit_cost,
        coalesce(units_in_both.abs_cost_sum, 0) as abs_cost_sum,
        coalesce(segment_sizes.segment_size, 0) as segment_size
    from segment_pairs
    left join units_in_both
        on
            segment_pairs.analysis_year = units_in_both.analysis_year
            and segment_pairs.segment_id = units_in_both.segment_id
            and segment_pairs.other_segment_id = units_in_both.other_segment_id
    left join segment_sizes
        on
            segment_pairs.analysis_year = segment_sizes.analysis_year
            and segment_pairs.segment_id = segment_sizes.segment_id

),

final as (

    select
        population,
        analysis_year,
        segment_id,
        other_segment_id,
        case
            when segment_id = other_segment_id
                then {{ segment_cell_id('segment_id', 'analysis_year') }}
            when segment_id < other_segment_id
                then {{ disclosure_cell_id([
                    "'overlap'", 'analysis_year', 'segment_id',
                    'other_segment_id'
                ]) }}
            else {{ disclosure_cell_id([
                "'overlap'", 'analysis_year', 'other_segment_id', 'segment_id'
            ]) }}
        end as cell_id,
        {{ segment_cell_id('segment_id', 'analysis_year') }}
            as segment_cell_id,
        cast(n_units_in_both as {{ dbt.type_bigint() }}) as n_units_in_both,
        cost_in_both,
        largest_unit_cost,
        abs_cost_sum,
        cast(segment_size as {{ dbt.type_bigint() }}) as segment_size
    from pairs_counted

)

select * from final
