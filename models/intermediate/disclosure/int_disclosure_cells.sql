-- Every figure the analytics marts publish about units, as a cell: its id,
-- the units behind it, the units of the group it describes (a segment's size
-- for a profile line), and for a cost the largest single unit's part of it
-- (the dominance rule). A figure published in two marts (a segment's size on
-- its profile sheet and on the overlap diagonal; a pair and its mirror) is
-- one cell.
with

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

int_segment_overlap_cells as (

    select * from {{ ref('int_segment_overlap_cells') }}

),

int_service_cooccurrence_cells as (

    select * from {{ ref('int_service_cooccurrence_cells') }}

),

int_cost_concentration_groups as (

    select * from {{ ref('int_cost_concentration_groups') }}

),

int_top_spender_overlap_groups as (

    select * from {{ ref('int_top_spender_overlap_groups') }}

),

int_profile_remainder_cells as (

    select * from {{ ref('int_profile_remainder_cells') }}

),

cell_figures as (

    select
        'segment_profiles' as cell_source,
        cell_id,
        n_units,
        segment_size as base_units,
        1 as has_cost,
        largest_unit_cost,
        abs_cost_sum
    from int_segment_profile_cells
    union all
    -- the sum behind a mean count (mean_count x n_units)
    select
        'segment_profiles' as cell_source,
        {{ disclosure_cell_id(['cell_id', "'count_sum'"]) }} as cell_id,
        n_units,
        segment_size as base_units,
        0 as has_cost,
        0 as largest_unit_cost,
        0 as abs_cost_sum
    from int_segment_profile_cells
    where count_sum is not null
    union all
    select
        'segment_overlap' as cell_source,
        cell_id,
        n_units_in_both as n_units,
        segment_size as base_units,
        1 as has_cost,
        largest_unit_cost,
        abs_cost_sum
    from int_segment_overlap_cells
    union all
    select
        'service_cooccurrence' as cell_source,
        cell_id,
        n_units,
        cast(null as {{ dbt.type_bigint() }}) as base_units,
        0 as has_cost,
        0 as largest_unit_cost,
        0 as abs_cost_sum
    from int_service_cooccurrence_cells
    union all
    select
        'cost_concentration' as cell_source,
        cell_id,
        n_units,
        cast(null as {{ dbt.type_bigint() }}) as base_units,
        1 as has_cost,
        largest_unit_cost,
        abs_cost_sum
    from int_cost_concentration_groups
    union all
    select
        'cost_concentration' as cell_source,
        population_cell_id as cell_id,
        population_size as n_units,
        cast(null as {{ dbt.type_bigint() }}) as base_units,
        1 as has_cost,
        population_largest_unit_cost as largest_unit_cost,
        population_abs_cost_sum as abs_cost_sum
    from int_cost_concentration_groups
    union all
    select
        'top_spender_overlap' as cell_source,
        cell_id,
        n_in_both as n_units,
        cast(null as {{ dbt.type_bigint() }}) as base_units,
        0 as has_cost,
        0 as largest_unit_cost,
        0 as abs_cost_sum
    from int_top_spender_overlap_groups
    union all
    -- never published, but derived from published lines by subtraction
    select
        'profile_remainder' as cell_source,
        cell_id,
        n_units,
        segment_size as base_units,
        1 as has_cost,
        largest_unit_cost,
        abs_cost_sum
    from int_profile_remainder_cells

),

final as (

    -- the smaller segment of an overlap pair is its base
    select
        cell_id,
        min(cell_source) as cell_source,
        max(n_units) as n_units,
        min(base_units) as base_units,
        max(has_cost) as has_cost,
        max(largest_unit_cost) as largest_unit_cost,
        max(abs_cost_sum) as abs_cost_sum
    from cell_figures
    group by cell_id

)

select * from final
