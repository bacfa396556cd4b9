-- The overlap matrix is symmetric (a x b = b x a, in units and in cost), and
-- its diagonal holds each segment's size and cost as the profile states it
-- (the reference segments, whole populations, are not in the matrix).
with

segment_overlap as (

    select * from {{ ref('segment_overlap') }}

),

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

asymmetric_pairs as (

    select
        segment_overlap.analysis_year,
        segment_overlap.segment_id,
        segment_overlap.other_segment_id,
        'not symmetric' as failure
    from segment_overlap
    left join segment_overlap as mirrored
        on
            segment_overlap.analysis_year = mirrored.analysis_year
            and segment_overlap.segment_id = mirrored.other_segment_id
            and segment_overlap.other_segment_id = mirrored.segment_id
    where
        mirrored.segment_id is null
        or segment_overlap.is_suppressed != mirrored.is_suppressed
        or segment_overlap.n_units_in_both != mirrored.n_units_in_both
        or segment_overlap.cost_in_both != mirrored.cost_in_both

),

diagonal_mismatches as (

    select
        segment_profiles.analysis_year,
        segment_profiles.segment_id,
        segment_profiles.segment_id as other_segment_id,
        'diagonal is not the segment size and cost' as failure
    from segment_profiles
    inner join segment_catalogue
        on segment_profiles.segment_id = segment_catalogue.segment_id
    left join segment_overlap
        on
            segment_profiles.analysis_year = segment_overlap.analysis_year
            and segment_profiles.segment_id = segment_overlap.segment_id
            and segment_profiles.segment_id = segment_overlap.other_segment_id
    where
        not segment_catalogue.is_reference
        and segment_profiles.section = 'summary'
        and segment_profiles.item = 'units'
        and (
            segment_overlap.segment_id is null
            or segment_profiles.is_suppressed != segment_overlap.is_suppressed
            or segment_profiles.n_units != segment_overlap.n_units_in_both
            or segment_profiles.total_cost != segment_overlap.cost_in_both
        )

)

select * from asymmetric_pairs
union all
select * from diagonal_mismatches
