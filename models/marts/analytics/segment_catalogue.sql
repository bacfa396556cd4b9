-- The segment catalogue as a table: one row per segment, from the
-- config.meta.segment of the models segment_<id>
-- (models/marts/restricted/segments/_segments__models.yml).
{%- set segments = segment_catalogue() %}
with

catalogue_entries as (

    {%- for segment in segments %}
        select
            '{{ segment.id }}' as segment_id,
            '{{ dbt.escape_single_quotes(segment.label) }}' as segment_label,
            '{{ dbt.escape_single_quotes(segment.name) }}' as segment_name,
            '{{ dbt.escape_single_quotes(segment.name_da) }}'
                as segment_name_da,
            '{{ segment.population }}' as population,
            {%- if segment.parent %}
                '{{ segment.parent }}' as parent_segment_id,
            {%- else %}
                cast(null as {{ dbt.type_string() }}) as parent_segment_id,
            {%- endif %}
            '{{ dbt.escape_single_quotes(segment_rule_text(segment)) }}'
                as segment_rule,
            '{{ dbt.escape_single_quotes(segment.source) }}' as segment_source,
            '{{ dbt.escape_single_quotes(segment.description) }}'
                as segment_description,
            '{{ segment.model_name }}' as segment_table,
            {{ 'true' if segment.is_reference else 'false' }} as is_reference
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
    {%- if segments | length == 0 %}
    -- no segment in the catalogue (or dbt is parsing): an empty table
    select
        {%- for column in ['segment_id', 'segment_label', 'segment_name',
            'segment_name_da', 'population', 'parent_segment_id',
            'segment_rule', 'segment_source', 'segment_description'] %}
        cast(null as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as segment_table,
        cast(null as {{ dbt.type_boolean() }}) as is_reference
    from {{ ref('int_analysis_years') }}
    where false
    {%- endif %}

),

final as (

    select
        segment_id,
        segment_label,
        segment_name,
        segment_name_da,
        population,
        parent_segment_id,
        segment_rule,
        segment_source,
        segment_description,
        segment_table,
        is_reference
    from catalogue_entries

)

select * from final
