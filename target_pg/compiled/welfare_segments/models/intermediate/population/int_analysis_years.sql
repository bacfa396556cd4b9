with

stg_ledger__postings as (

    select * from "welfare"."staging"."stg_ledger__postings"

),

booking_years as (

    select
        booking_year,
        count(distinct extract(month from booking_date)) as n_months,
        count(*) as n_postings
    from stg_ledger__postings
    where booking_year is not null
    group by booking_year

),

busiest_year as (

    select max(n_postings) as max_postings
    from booking_years

),

selected_years as (

    -- a complete year has postings in all twelve months and at least half
    -- as many as the busiest year: a few stray postings make no year
    select booking_years.booking_year as analysis_year
    from booking_years
    cross join busiest_year
        where
            booking_years.n_months = 12
            and booking_years.n_postings * 2 >= busiest_year.max_postings

),

final as (

    select
        analysis_year,
        make_date(
        cast(analysis_year as integer),
        cast(1 as integer),
        cast(1 as integer)
    )
            as year_start_date,
        make_date(
        cast(analysis_year as integer),
        cast(12 as integer),
        cast(31 as integer)
    )
            as year_end_date,
        make_date(
        cast(analysis_year as integer),
        cast(1 as integer),
        cast(1 as integer)
    )
            as reference_date
    from selected_years

)

select * from final