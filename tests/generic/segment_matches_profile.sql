{#- Fails for every analysis year in which a segment table and its profile
    (segment_profiles, section summary, item units) disagree: the number of
    units and their total cost, where published, must be equal; a row not
    flagged is_suppressed must publish both. -#}
{% test segment_matches_profile(model) %}

{%- set segment_id = model.identifier[8:] %}

with

segment_rows as (

    select * from {{ model }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

table_totals as (

    select
        int_analysis_years.analysis_year,
        count(segment_rows.unit_id) as n_units,
        coalesce(sum(segment_rows.total_cost), 0) as total_cost
    from int_analysis_years
    left join segment_rows
        on int_analysis_years.analysis_year = segment_rows.analysis_year
    group by int_analysis_years.analysis_year

),

profile_totals as (

    select
        analysis_year,
        n_units,
        total_cost,
        is_suppressed
    from segment_profiles
    where
        segment_id = '{{ segment_id }}'
        and section = 'summary'
        and item = 'units'

)

select
    table_totals.analysis_year,
    table_totals.n_units as table_n_units,
    profile_totals.n_units as profile_n_units,
    table_totals.total_cost as table_total_cost,
    profile_totals.total_cost as profile_total_cost
from table_totals
left join profile_totals
    on table_totals.analysis_year = profile_totals.analysis_year
where
    profile_totals.analysis_year is null
    or table_totals.n_units != profile_totals.n_units
    or abs(table_totals.total_cost - profile_totals.total_cost) > 0.005
    or (
        not profile_totals.is_suppressed
        and (profile_totals.n_units is null or profile_totals.total_cost is null)
    )

{% endtest %}
