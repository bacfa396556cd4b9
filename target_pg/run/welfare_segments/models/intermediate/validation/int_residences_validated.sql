
  
    

  create  table "welfare"."intermediate"."int_residences_validated__dbt_tmp"
  
  
    as
  
  (
    -- Every residence with every reason it cannot be used, if any. A rejected
-- residence places nobody in the municipality.
with

stg_population_register__residences as (

    select * from "welfare"."staging"."stg_population_register__residences"

),

stg_population_register__addresses as (

    select * from "welfare"."staging"."stg_population_register__addresses"

),

stg_population_register__persons as (

    select * from "welfare"."staging"."stg_population_register__persons"

),

known_persons as (

    select distinct person_id
    from stg_population_register__persons

),

known_addresses as (

    select distinct address_id
    from stg_population_register__addresses

),

residences_checked as (

    select
        stg_population_register__residences.*,
        known_persons.person_id is not null as is_known_person,
        known_addresses.address_id is not null as is_known_address
    from stg_population_register__residences
    left join known_persons
        on
            stg_population_register__residences.person_id
            = known_persons.person_id
    left join known_addresses
        on
            stg_population_register__residences.address_id
            = known_addresses.address_id

),

reasons_listed as (

    select
        *,
        case when coalesce(not is_known_person, false) then 'unknown_person_id;' else '' end || case when coalesce(not is_known_address, false) then 'unknown_address_id;' else '' end || case when coalesce(valid_from_date is null, false) then 'invalid_period_date;' else '' end || case when coalesce(valid_to_date < valid_from_date, false) then 'period_end_before_start;' else '' end as reason_list
    from residences_checked

),

final as (

    select
        source_row_number,
        person_id,
        address_id,
        valid_from_date,
        valid_to_date,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
  );
  