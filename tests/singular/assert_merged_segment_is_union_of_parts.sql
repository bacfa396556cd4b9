-- Stevns merged segments 2 (13-17) and 3 (18-29) into 2+3 (13-29): the
-- merged segment holds exactly the members of the two, every year. Checked
-- only while the catalogue holds all three.
with

int_segment_members as (

    select * from {{ ref('int_segment_members') }}

),

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

catalogue_complete as (

    select count(*) = 3 as is_complete
    from segment_catalogue
    where segment_id in ('s02', 's03', 's23')

),

merged as (

    select
        unit_id,
        analysis_year
    from int_segment_members
    where segment_id = 's23'

),

parts as (

    select distinct
        unit_id,
        analysis_year
    from int_segment_members
    where segment_id in ('s02', 's03')

),

differences as (

    select
        coalesce(merged.unit_id, parts.unit_id) as unit_id,
        coalesce(merged.analysis_year, parts.analysis_year) as analysis_year,
        case
            when merged.unit_id is null then 'in 2 or 3, not in 2+3'
            else 'in 2+3, not in 2 or 3'
        end as failure
    from merged
    full outer join parts
        on
            merged.unit_id = parts.unit_id
            and merged.analysis_year = parts.analysis_year
    where merged.unit_id is null or parts.unit_id is null

)

select differences.*
from differences
cross join catalogue_complete
where catalogue_complete.is_complete
