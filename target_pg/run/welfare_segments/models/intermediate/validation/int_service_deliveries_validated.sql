
  
    

  create  table "welfare"."intermediate"."int_service_deliveries_validated__dbt_tmp"
  
  
    as
  
  (
    -- Every service delivery with every reason it cannot be used, if any. A
-- rejected delivery is no recipient of a pool.
with

stg_case_systems__service_deliveries as (

    select * from "welfare"."staging"."stg_case_systems__service_deliveries"

),

stg_population_register__persons as (

    select * from "welfare"."staging"."stg_population_register__persons"

),

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

known_persons as (

    select distinct person_id
    from stg_population_register__persons

),

deliveries_checked as (

    select
        stg_case_systems__service_deliveries.*,
        function_catalogue.function_number is not null as is_known_function,
        known_persons.person_id is not null as is_known_person,
        row_number() over (
            partition by stg_case_systems__service_deliveries.delivery_id
            order by stg_case_systems__service_deliveries.source_row_number
        ) as key_occurrence
    from stg_case_systems__service_deliveries
    left join function_catalogue
        on
            stg_case_systems__service_deliveries.function_number
            = function_catalogue.function_number
    left join known_persons
        on
            stg_case_systems__service_deliveries.person_id
            = known_persons.person_id

),

reasons_listed as (

    select
        *,
        case when coalesce(not has_valid_person_id, false) then 'malformed_person_id;' else '' end || case when coalesce(has_valid_person_id and not is_known_person, false) then 'unknown_person_id;' else '' end || case when coalesce(not is_known_function, false) then 'unknown_function_number;' else '' end || case when coalesce(key_occurrence > 1, false) then 'duplicate_key;' else '' end || case when coalesce(period_start_date is null or period_end_date is null, false) then 'invalid_period_date;' else '' end || case when coalesce(period_end_date < period_start_date, false) then 'period_end_before_start;' else '' end || case when coalesce(activity_units <= 0, false) then 'non_positive_activity_units;' else '' end as reason_list
    from deliveries_checked

),

final as (

    select
        source_row_number,
        delivery_id,
        person_id,
        function_number,
        cost_centre,
        service_name,
        period_start_date,
        period_end_date,
        activity_units,
        activity_unit,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
  );
  