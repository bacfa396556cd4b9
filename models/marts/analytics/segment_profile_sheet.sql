{{ config(materialized='view') }}
-- The profile sheets as the reports lay them out: for every top-level
-- segment and each of its sub-segments, one row per section and item with
-- the segment's figures and the sub-segment's side by side. A segment
-- without sub-segments has its own sheet with empty sub-segment columns.
-- Null is a withheld cell (the reports print "-").
{%- set figures = ['n_units', 'share_of_segment', 'total_cost', 'mean_cost',
                   'mean_count', 'top_list'] %}
{%- set sheet_names = {'n_units': 'n_units', 'share_of_segment': 'share',
                       'total_cost': 'total_cost', 'mean_cost': 'mean_cost',
                       'mean_count': 'mean_count', 'top_list': 'top_list'} %}
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

sheet_sides as (

    -- each profile line once for the segment's side, once for the sub-segment's
    select
        sheets.sheet_segment_id,
        sheets.sub_segment_id,
        segment_profiles.segment_id = sheets.sheet_segment_id
            as is_segment_side,
        segment_profiles.analysis_year,
        segment_profiles.section,
        segment_profiles.item,
        segment_profiles.item_name,
        segment_profiles.item_name_da,
        segment_profiles.item_rank,
        {%- for figure in figures %}
            segment_profiles.{{ figure }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from sheets
    inner join segment_profiles
        on
            sheets.sheet_segment_id = segment_profiles.segment_id
            or sheets.sub_segment_id = segment_profiles.segment_id

),

final as (

    select
        sheet_segment_id,
        sub_segment_id,
        analysis_year,
        section,
        item,
        min(item_name) as item_name,
        min(item_name_da) as item_name_da,
        -- the segment's rank where it has the line (top services differ)
        coalesce(
            min(case when is_segment_side then item_rank end), min(item_rank)
        ) as item_rank,
        {%- for side, condition in [('segment', 'is_segment_side'),
                                    ('sub_segment', 'not is_segment_side')] %}
            {%- set side_loop = loop %}
            {%- for figure in figures %}
                max(case when {{ condition }} then {{ figure }} end)
                    as {{ side }}_{{ sheet_names[figure] }}
                {%- if not (side_loop.last and loop.last) %},{% endif %}
            {%- endfor %}
        {%- endfor %}
    from sheet_sides
    group by sheet_segment_id, sub_segment_id, analysis_year, section, item

)

select * from final
