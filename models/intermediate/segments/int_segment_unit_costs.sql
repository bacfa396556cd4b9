-- One row per segment, unit and year with the unit's costs (int_unit_costs):
-- the members the profiles, overlaps and disclosure control read, and that
-- restricted.segment_members publishes.
with

int_segment_members as (

    select * from {{ ref('int_segment_members') }}

),

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

unit_costs as (

    select * from int_unit_costs
    where is_in_population

),

final as (

    select
        int_segment_members.segment_id,
        int_segment_members.population,
        int_segment_members.unit_id,
        int_segment_members.analysis_year,
        {%- for column in segment_columns()[4:] %}
            unit_costs.{{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    -- a left join: a member outside the population would keep its row (with
    -- null costs) and fail the test segment_within_population, not vanish
    from int_segment_members
    left join unit_costs
        on
            int_segment_members.population = unit_costs.population
            and int_segment_members.unit_id = unit_costs.unit_id
            and int_segment_members.analysis_year = unit_costs.analysis_year

)

select * from final
