-- One row per segment, unit and year with the unit's costs: all segment
-- tables in one (each segment_<id> selects its own rows), published from
-- int_segment_unit_costs. Person and family level: restricted schema.
with

int_segment_unit_costs as (

    select * from {{ ref('int_segment_unit_costs') }}

),

final as (

    select
        segment_id,
        population,
        unit_id,
        analysis_year,
        {%- for column in segment_columns()[4:] %}
            {{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from int_segment_unit_costs

)

select * from final
