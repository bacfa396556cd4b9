with

stg_ledger__postings as (

    select * from {{ ref('stg_ledger__postings') }}

),

booking_years as (

    select distinct booking_year as analysis_year
    from stg_ledger__postings
    where booking_year is not null

),

selected_years as (

    select analysis_year
    from booking_years
    {%- if var('analysis_years') %}
    where analysis_year in ({{ var('analysis_years') | join(', ') }})
    {%- endif %}

),

final as (

    select
        analysis_year,
        {{ welfare_segments.date_from_parts('analysis_year', 1, 1) }}
            as year_start_date,
        {{ welfare_segments.date_from_parts('analysis_year', 12, 31) }}
            as year_end_date,
        {{ welfare_segments.reference_date('analysis_year') }}
            as reference_date
    from selected_years

)

select * from final
