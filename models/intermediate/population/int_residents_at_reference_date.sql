-- Who lived in the municipality on each year's reference date, and where.
with

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

int_persons_validated as (

    select * from {{ ref('int_persons_validated') }}

),

stg_population_register__addresses as (

    select * from {{ ref('stg_population_register__addresses') }}

),

int_residences_validated as (

    select * from {{ ref('int_residences_validated') }}

),

valid_persons as (

    select * from int_persons_validated
    where not is_rejected

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
        valid_persons.birth_date,
        valid_persons.sex,
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
    inner join valid_persons
        on
            valid_residences.person_id
            = valid_persons.person_id
    where
        stg_population_register__addresses.municipality_code
        = '{{ var("municipality_code") }}'
        and valid_persons.birth_date
        <= int_analysis_years.reference_date
        and (
            valid_persons.death_date is null
            or valid_persons.death_date
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
        {{ welfare_segments.age_at('birth_date', 'reference_date') }}
            as age_at_reference_date
    from residences_on_reference_date
    where residence_rank = 1

)

select * from final
