-- Every residence with every reason it cannot be used, if any. A rejected
-- residence places nobody in the municipality.
with

stg_population_register__residences as (

    select * from {{ ref('stg_population_register__residences') }}

),

stg_population_register__addresses as (

    select * from {{ ref('stg_population_register__addresses') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

known_addresses as (

    select distinct address_id
    from stg_population_register__addresses

),

residences_checked as (

    select
        stg_population_register__residences.*,
        int_persons_registered.person_id is not null as is_known_person,
        known_addresses.address_id is not null as is_known_address
    from stg_population_register__residences
    left join int_persons_registered
        on
            stg_population_register__residences.person_id
            = int_persons_registered.person_id
    left join known_addresses
        on
            stg_population_register__residences.address_id
            = known_addresses.address_id

),

overlapping as (

    -- residences of one person whose periods overlap: flagged, not
    -- rejected, since on a reference date the latest move decides
    select distinct residences_checked.row_key
    from residences_checked
    inner join residences_checked as other_residences
        on
            residences_checked.person_id = other_residences.person_id
            and residences_checked.row_key <> other_residences.row_key
            and residences_checked.valid_from_date
            < coalesce(
                other_residences.valid_to_date,
                {{ date_from_parts(9999, 12, 31) }}
            )
            and other_residences.valid_from_date
            < coalesce(
                residences_checked.valid_to_date,
                {{ date_from_parts(9999, 12, 31) }}
            )

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not is_known_person', 'unknown_person_id'),
            ('not is_known_address', 'unknown_address_id'),
            ('valid_from_date is null', 'invalid_period_date'),
            ('valid_to_date < valid_from_date', 'period_end_before_start'),
        ]) }} as reason_list,
        row_key in (
            select overlapping.row_key from overlapping
        ) as overlaps_other_residence
    from residences_checked

),

final as (

    select
        row_key,
        source_row_number,
        person_id,
        address_id,
        valid_from_date,
        valid_to_date,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected,
        overlaps_other_residence
    from reasons_listed

)

select * from final
