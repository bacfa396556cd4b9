-- Every catalogue entry has a profile every analysis year (its summary line
-- of units), also when no unit is in it.
with

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

unit_lines as (

    select
        segment_id,
        analysis_year
    from segment_profiles
    where section = 'summary' and item = 'units'

)

select
    segment_catalogue.segment_id,
    int_analysis_years.analysis_year
from segment_catalogue
cross join int_analysis_years
left join unit_lines
    on
        segment_catalogue.segment_id = unit_lines.segment_id
        and int_analysis_years.analysis_year = unit_lines.analysis_year
where unit_lines.segment_id is null
