-- Each delivery's share of each analysis year it overlaps, as the weight an
-- activity-based pool split uses: activity units times the share of the
-- delivery period that falls inside the year.
with

int_service_deliveries_validated as (

    select * from {{ ref('int_service_deliveries_validated') }}

),

valid_deliveries as (

    select * from int_service_deliveries_validated
    where not is_rejected

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

deliveries_in_years as (

    select
        valid_deliveries.delivery_id,
        int_analysis_years.analysis_year,
        valid_deliveries.person_id,
        valid_deliveries.function_number,
        valid_deliveries.cost_centre,
        valid_deliveries.activity_units,
        valid_deliveries.activity_unit,
        valid_deliveries.department,
        {{ dbt.datediff(
            'valid_deliveries.period_start_date',
            'valid_deliveries.period_end_date',
            'day'
        ) }} + 1 as period_days,
        {{ welfare_segments.overlap_days(
            'valid_deliveries.period_start_date',
            'valid_deliveries.period_end_date',
            'int_analysis_years.year_start_date',
            'int_analysis_years.year_end_date'
        ) }} as days_in_year
    from valid_deliveries
    inner join int_analysis_years
        on
            valid_deliveries.period_start_date
            <= int_analysis_years.year_end_date
            and valid_deliveries.period_end_date
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
        department,
        days_in_year,
        activity_units * days_in_year / period_days as activity_units_in_year
    from deliveries_in_years
    where period_days > 0

)

select * from final
