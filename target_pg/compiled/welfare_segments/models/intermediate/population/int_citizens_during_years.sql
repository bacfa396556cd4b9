-- Persons who belong to the municipality at some time in each analysis year:
-- resident at one of its addresses on any day of the year, counted in its
-- population on the reference date (a placed child living elsewhere), or
-- receiving one of its services in the year (e.g. a young adult in aftercare
-- placed outside it). Regional activity of anyone else is not the
-- municipality's.
with

int_analysis_years as (

    select * from "welfare"."intermediate"."int_analysis_years"

),

int_residences_validated as (

    select * from "welfare"."intermediate"."int_residences_validated"

),

stg_population_register__addresses as (

    select * from "welfare"."staging"."stg_population_register__addresses"

),

int_families_formed as (

    select * from "welfare"."intermediate"."int_families_formed"

),

int_service_deliveries_validated as (

    select * from "welfare"."intermediate"."int_service_deliveries_validated"

),

served_during_year as (

    select
        int_analysis_years.analysis_year,
        int_service_deliveries_validated.person_id
    from int_service_deliveries_validated
    inner join int_analysis_years
        on
            int_service_deliveries_validated.period_start_date
            <= int_analysis_years.year_end_date
            and int_service_deliveries_validated.period_end_date
            >= int_analysis_years.year_start_date
    where not int_service_deliveries_validated.is_rejected

),

resident_during_year as (

    select
        int_analysis_years.analysis_year,
        int_residences_validated.person_id
    from int_residences_validated
    inner join stg_population_register__addresses
        on
            int_residences_validated.address_id
            = stg_population_register__addresses.address_id
    inner join int_analysis_years
        on
            int_residences_validated.valid_from_date
            <= int_analysis_years.year_end_date
            and (
                int_residences_validated.valid_to_date is null
                or int_residences_validated.valid_to_date
                > int_analysis_years.year_start_date
            )
    where
        not int_residences_validated.is_rejected
        and stg_population_register__addresses.municipality_code
        = '336'

),

final as (

    select
        analysis_year,
        person_id
    from resident_during_year
    union
    select
        analysis_year,
        person_id
    from int_families_formed
    union
    select
        analysis_year,
        person_id
    from served_during_year

)

select * from final