-- Every area and cost type that a relevant function of the catalogue can
-- carry has a column in the person and family marts (macro
-- cost_breakdown_columns), so no cost falls outside the breakdown.
with

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

breakdown_values as (

    {%- for column_name, fact_column, value in cost_breakdown_columns() %}
        select
            '{{ fact_column }}' as fact_column,
            '{{ value }}' as breakdown_value
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

catalogue_values as (

    select distinct
        'area_stevns' as fact_column,
        area_stevns as breakdown_value
    from function_catalogue
    where is_relevant
    union
    select distinct
        'area_skanderborg' as fact_column,
        area_skanderborg as breakdown_value
    from function_catalogue
    where is_relevant and sector = 'municipal'
    union
    select distinct
        'cost_type' as fact_column,
        cost_type as breakdown_value
    from function_catalogue
    where is_relevant

)

select catalogue_values.*
from catalogue_values
left join breakdown_values
    on
        catalogue_values.fact_column = breakdown_values.fact_column
        and catalogue_values.breakdown_value = breakdown_values.breakdown_value
where breakdown_values.fact_column is null
