-- Each delivery's share of each analysis year it overlaps, as the weight an
-- activity-based pool split uses: activity units times the share of the
-- delivery period that falls inside the year.
with

int_service_deliveries_validated as (

    select * from {{ ref('int_service_deliveries_validated') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

valid_deliveries as (

    select * from int_service_deliveries_validated
    where not is_rejected

),

catalogue_groupings as (

    -- the rows of a function the catalogue keeps apart by grouping (the
    -- key its pooled postings are split under)
    select
        account_function,
        account_grouping,
        function_number
    from function_catalogue
    where account_grouping is not null

),

deliveries_in_years as (

    select
        valid_deliveries.delivery_id,
        int_analysis_years.analysis_year,
        valid_deliveries.person_id,
        coalesce(
            catalogue_groupings.function_number,
            valid_deliveries.function_number
        ) as function_number,
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
    left join catalogue_groupings
        on
            valid_deliveries.function_number
            = catalogue_groupings.account_function
            and valid_deliveries.account_grouping
            = catalogue_groupings.account_grouping
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
