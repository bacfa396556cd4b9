{{ config(materialized='view') }}
-- The profile sheets as the reports lay them out: for every top-level
-- segment and each of its sub-segments, one row per section and item with
-- the segment's figures and the sub-segment's side by side. A segment
-- without sub-segments has its own sheet with empty sub-segment columns.
-- Null is a withheld cell (the reports print "-").
with

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

sheets as (

    select
        top_segments.segment_id as sheet_segment_id,
        sub_segments.segment_id as sub_segment_id
    from segment_catalogue as top_segments
    left join segment_catalogue as sub_segments
        on top_segments.segment_id = sub_segments.parent_segment_id
    where top_segments.parent_segment_id is null

),

segment_side as (

    select
        sheets.sheet_segment_id,
        sheets.sub_segment_id,
        segment_profiles.analysis_year,
        segment_profiles.section,
        segment_profiles.item,
        segment_profiles.item_name,
        segment_profiles.item_rank,
        segment_profiles.n_units,
        segment_profiles.share_of_segment,
        segment_profiles.total_cost,
        segment_profiles.mean_cost,
        segment_profiles.mean_count
    from sheets
    inner join segment_profiles
        on sheets.sheet_segment_id = segment_profiles.segment_id

),

sub_segment_side as (

    select
        sheets.sheet_segment_id,
        sheets.sub_segment_id,
        segment_profiles.analysis_year,
        segment_profiles.section,
        segment_profiles.item,
        segment_profiles.item_name,
        segment_profiles.item_rank,
        segment_profiles.n_units,
        segment_profiles.share_of_segment,
        segment_profiles.total_cost,
        segment_profiles.mean_cost,
        segment_profiles.mean_count
    from sheets
    inner join segment_profiles
        on sheets.sub_segment_id = segment_profiles.segment_id

),

final as (

    select
        coalesce(
            segment_side.sheet_segment_id, sub_segment_side.sheet_segment_id
        ) as sheet_segment_id,
        coalesce(
            segment_side.sub_segment_id, sub_segment_side.sub_segment_id
        ) as sub_segment_id,
        coalesce(
            segment_side.analysis_year, sub_segment_side.analysis_year
        ) as analysis_year,
        coalesce(segment_side.section, sub_segment_side.section) as section,
        coalesce(segment_side.item, sub_segment_side.item) as item,
        coalesce(segment_side.item_name, sub_segment_side.item_name)
            as item_name,
        coalesce(segment_side.item_rank, sub_segment_side.item_rank)
            as item_rank,
        segment_side.n_units as segment_n_units,
        segment_side.share_of_segment as segment_share,
        segment_side.total_cost as segment_total_cost,
        segment_side.mean_cost as segment_mean_cost,
        segment_side.mean_count as segment_mean_count,
        sub_segment_side.n_units as sub_segment_n_units,
        sub_segment_side.share_of_segment as sub_segment_share,
        sub_segment_side.total_cost as sub_segment_total_cost,
        sub_segment_side.mean_cost as sub_segment_mean_cost,
        sub_segment_side.mean_count as sub_segment_mean_count
    from segment_side
    full outer join sub_segment_side
        on
            segment_side.sheet_segment_id = sub_segment_side.sheet_segment_id
            and segment_side.sub_segment_id = sub_segment_side.sub_segment_id
            and segment_side.analysis_year = sub_segment_side.analysis_year
            and segment_side.section = sub_segment_side.section
            and segment_side.item = sub_segment_side.item

)

select * from final
