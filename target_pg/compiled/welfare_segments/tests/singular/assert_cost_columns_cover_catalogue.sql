-- Every area and cost type that a relevant function of the catalogue can
-- carry has a column in the person and family marts (macro
-- cost_breakdown_columns), so no cost falls outside the breakdown.
with

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

breakdown_values as (
        select
            'area_stevns' as fact_column,
            'arbejdsmarked' as breakdown_value
            union all
        select
            'area_stevns' as fact_column,
            'boern_laering' as breakdown_value
            union all
        select
            'area_stevns' as fact_column,
            'sundhed_omsorg' as breakdown_value
            union all
        select
            'area_stevns' as fact_column,
            'sundhedsvaesen' as breakdown_value
            union all
        select
            'area_skanderborg' as fact_column,
            'beskaeftigelse_sundhed' as breakdown_value
            union all
        select
            'area_skanderborg' as fact_column,
            'boern_unge' as breakdown_value
            union all
        select
            'area_skanderborg' as fact_column,
            'handicap' as breakdown_value
            union all
        select
            'area_skanderborg' as fact_column,
            'aeldre' as breakdown_value
            union all
        select
            'area_skanderborg' as fact_column,
            'oevrige' as breakdown_value
            union all
        select
            'cost_type' as fact_column,
            'indsats' as breakdown_value
            union all
        select
            'cost_type' as fact_column,
            'overfoersel' as breakdown_value
            union all
        select
            'cost_type' as fact_column,
            'tilskud' as breakdown_value

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