{{ config(materialized='view') }}
-- The rows every segment table of the reports starts with: per year, all
-- citizens, all families and families with children (the reference
-- segments of the catalogue) with their size, the units with any cost, and
-- the total and mean cost per unit by sector and by area of both area
-- vocabularies. Read off their profile sheets (segment_profiles), so the
-- figures are withheld exactly as there; a mean is null where its total or
-- the size is.
{%- set lines = [
    ('municipal_cost', 'summary', 'municipal_cost'),
    ('regional_cost', 'summary', 'regional_cost'),
] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- if fact_column.startswith('area_') %}
        {%- do lines.append(
            (column_name, 'area_cost_' ~ fact_column[5:], value)
        ) %}
    {%- endif %}
{%- endfor %}
{%- set cost_columns = ['total_cost'] + lines | map(attribute=0) | list %}
with

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

reference_lines as (

    select segment_profiles.*
    from segment_profiles
    inner join segment_catalogue
        on segment_profiles.segment_id = segment_catalogue.segment_id
    where segment_catalogue.is_reference

),

summaries as (

    select
        analysis_year,
        segment_id,
        max(case when item = 'units' then segment_size end) as n_units,
        max(case when item = 'with_cost' then n_units end) as n_units_with_cost,
        max(case when item = 'units' then total_cost end) as total_cost,
        {%- for column_name, section, item in lines %}
            max(
                case
                    when section = '{{ section }}' and item = '{{ item }}'
                        then total_cost
                end
            ) as {{ column_name }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from reference_lines
    where
        section = 'summary'
        or section like 'area_cost_%'
    group by analysis_year, segment_id

),

final as (

    select
        summaries.analysis_year,
        summaries.segment_id,
        segment_catalogue.segment_label,
        segment_catalogue.segment_name,
        segment_catalogue.population,
        summaries.n_units,
        summaries.n_units_with_cost,
        summaries.total_cost,
        {%- for column_name in cost_columns %}
            {%- if column_name != 'total_cost' %}
                summaries.{{ column_name }},
            {%- endif %}
            case
                when summaries.n_units > 0
                    then
                        cast(summaries.{{ column_name }} as {{ type_double() }})
                        / summaries.n_units
            end as mean_{{ column_name }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from summaries
    inner join segment_catalogue
        on summaries.segment_id = segment_catalogue.segment_id

)

select * from final
