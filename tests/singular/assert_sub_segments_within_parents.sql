-- A sub-segment is never larger than its parent: every member of a
-- sub-segment is a member of its parent in the same year.
with

int_segment_members as (

    select * from {{ ref('int_segment_members') }}

),

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

sub_segment_members as (

    select
        int_segment_members.segment_id,
        segment_catalogue.parent_segment_id,
        int_segment_members.unit_id,
        int_segment_members.analysis_year
    from int_segment_members
    inner join segment_catalogue
        on int_segment_members.segment_id = segment_catalogue.segment_id
    where segment_catalogue.parent_segment_id is not null

)

select sub_segment_members.*
from sub_segment_members
left join int_segment_members as parent_members
    on
        sub_segment_members.parent_segment_id = parent_members.segment_id
        and sub_segment_members.unit_id = parent_members.unit_id
        and sub_segment_members.analysis_year = parent_members.analysis_year
where parent_members.unit_id is null
