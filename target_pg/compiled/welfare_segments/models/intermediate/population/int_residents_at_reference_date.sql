-- Who lived in the municipality on each year's reference date, and where.
with

int_analysis_years as (

    select * from "welfare"."intermediate"."int_analysis_years"

),

stg_population_register__persons as (

    select * from "welfare"."staging"."stg_population_register__persons"

),

stg_population_register__addresses as (

    select * from "welfare"."staging"."stg_population_register__addresses"

),

int_residences_validated as (

    select * from "welfare"."intermediate"."int_residences_validated"

),

valid_residences as (

    select * from int_residences_validated
    where not is_rejected

),

residences_on_reference_date as (

    select
        int_analysis_years.analysis_year,
        int_analysis_years.reference_date,
        valid_residences.person_id,
        valid_residences.address_id,
        valid_residences.valid_from_date,
        stg_population_register__addresses.address_kind,
        stg_population_register__persons.birth_date,
        stg_population_register__persons.sex,
        -- a register with overlapping periods keeps the latest move
        row_number() over (
            partition by
                int_analysis_years.analysis_year,
                valid_residences.person_id
            order by
                valid_residences.valid_from_date desc,
                valid_residences.address_id asc
        ) as residence_rank
    from valid_residences
    inner join int_analysis_years
        on
            valid_residences.valid_from_date
            <= int_analysis_years.reference_date
            and (
                valid_residences.valid_to_date is null
                or valid_residences.valid_to_date
                > int_analysis_years.reference_date
            )
    inner join stg_population_register__addresses
        on
            valid_residences.address_id
            = stg_population_register__addresses.address_id
    inner join stg_population_register__persons
        on
            valid_residences.person_id
            = stg_population_register__persons.person_id
    where
        stg_population_register__addresses.municipality_code
        = '336'
        and stg_population_register__persons.birth_date
        <= int_analysis_years.reference_date
        and (
            stg_population_register__persons.death_date is null
            or stg_population_register__persons.death_date
            > int_analysis_years.reference_date
        )

),

final as (

    select
        analysis_year,
        person_id,
        address_id,
        address_kind,
        sex,
        birth_date,
        (
        extract(year from reference_date) - extract(year from birth_date)
        - case
            when extract(month from reference_date) * 100 + extract(day from reference_date)
                < extract(month from birth_date) * 100 + extract(day from birth_date)
                then 1
            else 0
        end
    )
            as age_at_reference_date
    from residences_on_reference_date
    where residence_rank = 1

)

select * from final