-- Each delivery's share of each analysis year it overlaps, as the weight an
-- activity-based pool split uses: activity units times the share of the
-- delivery period that falls inside the year.
with

stg_case_systems__service_deliveries as (

    select * from {{ ref('stg_case_systems__service_deliveries') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

deliveries_in_years as (

    select
        stg_case_systems__service_deliveries.delivery_id,
        int_analysis_years.analysis_year,
        stg_case_systems__service_deliveries.person_id,
        stg_case_systems__service_deliveries.function_number,
        stg_case_systems__service_deliveries.cost_centre,
        stg_case_systems__service_deliveries.activity_units,
        stg_case_systems__service_deliveries.activity_unit,
        {{ dbt.datediff(
            'stg_case_systems__service_deliveries.period_start_date',
            'stg_case_systems__service_deliveries.period_end_date',
            'day'
        ) }} + 1 as period_days,
        {{ welfare_segments.overlap_days(
            'stg_case_systems__service_deliveries.period_start_date',
            'stg_case_systems__service_deliveries.period_end_date',
            'int_analysis_years.year_start_date',
            'int_analysis_years.year_end_date'
        ) }} as days_in_year
    from stg_case_systems__service_deliveries
    inner join int_analysis_years
        on
            stg_case_systems__service_deliveries.period_start_date
            <= int_analysis_years.year_end_date
            and stg_case_systems__service_deliveries.period_end_date
            >= int_analysis_years.year_start_date

),

final as (

    select
        delivery_id,
        analysis_year,
        person_id,
        function_number,
        cost_centre,
        activity_unit,
        days_in_year,
        activity_units * days_in_year / period_days as activity_units_in_year
    from deliveries_in_years
    where period_days > 0

)

select * from final
