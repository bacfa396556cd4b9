-- One row per segment, unit (citizen or family) and year: who is in which
-- segment. The rules are the segment catalogue's (config.meta.segment of the
-- models segment_<id>); a sub-segment's members also meet its parents' rules,
-- so a sub-segment is never larger than its parent. A family member rule
-- holds when at least one member meets it, and different member rules may be
-- met by different members (a child-welfare case in a sibling counts).
{%- set segments = segment_catalogue() %}
{%- set family_segments = segments
    | selectattr('population', 'equalto', 'families') | list %}
with

int_person_features as (

    select * from {{ ref('int_person_features') }}

),

int_family_features as (

    select * from {{ ref('int_family_features') }}

),

member_rules_met as (

    -- for every member rule of a family segment: does any member meet it
    select
        family_id,
        analysis_year,
        {%- for segment in family_segments %}
            {%- for member_rule in segment.all_member_rules %}
                max(case when ({{ member_rule }}) then 1 else 0 end)
                    as {{ segment.id }}_member_rule_{{ loop.index }},
            {%- endfor %}
        {%- endfor %}
        count(*) as n_members
    from int_person_features
    group by family_id, analysis_year

),

families_with_member_rules as (

    select
        int_family_features.*,
        {%- for segment in family_segments %}
            {%- for member_rule in segment.all_member_rules %}
                member_rules_met.{{ segment.id }}_member_rule_{{ loop.index }},
            {%- endfor %}
        {%- endfor %}
        member_rules_met.n_members as n_members_with_features
    from int_family_features
    inner join member_rules_met
        on
            int_family_features.family_id = member_rules_met.family_id
            and int_family_features.analysis_year
            = member_rules_met.analysis_year

),

final as (

    {%- for segment in segments %}
        select
            '{{ segment.id }}' as segment_id,
            '{{ segment.population }}' as population,
        {%- if segment.population == 'citizens' %}
            person_id as unit_id,
            analysis_year
        from int_person_features
        {%- else %}
            family_id as unit_id,
            analysis_year
        from families_with_member_rules
        {%- endif %}
        where
            true
            {%- for rule in segment.all_rules %}
                and ({{ rule }})
            {%- endfor %}
            {%- for member_rule in segment.all_member_rules %}
                and {{ segment.id }}_member_rule_{{ loop.index }} = 1
            {%- endfor %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
    {%- if segments | length == 0 %}
    -- no segment in the catalogue (or dbt is parsing): an empty table
    select
        cast(null as {{ dbt.type_string() }}) as segment_id,
        cast(null as {{ dbt.type_string() }}) as population,
        cast(null as {{ dbt.type_string() }}) as unit_id,
        cast(null as {{ dbt.type_int() }}) as analysis_year
    from int_person_features
    where false
    {%- endif %}

)

select * from final
