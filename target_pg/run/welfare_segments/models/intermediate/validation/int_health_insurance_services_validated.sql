
  
    

  create  table "welfare"."intermediate"."int_health_insurance_services_validated__dbt_tmp"
  
  
    as
  
  (
    -- Every health-insurance service with every reason it cannot be used, if
-- any. A rejected service keeps its fee: the reconciliation counts it as
-- quarantined.
with

stg_health_insurance__services as (

    select * from "welfare"."staging"."stg_health_insurance__services"

),

stg_population_register__persons as (

    select * from "welfare"."staging"."stg_population_register__persons"

),

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

int_citizens_during_years as (

    select * from "welfare"."intermediate"."int_citizens_during_years"

),

int_analysis_years as (

    select * from "welfare"."intermediate"."int_analysis_years"

),

known_persons as (

    select distinct person_id
    from stg_population_register__persons

),

services_checked as (

    select
        stg_health_insurance__services.*,
        function_catalogue.function_number is not null as is_known_function,
        known_persons.person_id is not null as is_known_person,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        int_citizens_during_years.person_id is not null
            as is_citizen_during_year,
        row_number() over (
            partition by stg_health_insurance__services.service_id
            order by stg_health_insurance__services.source_row_number
        ) as key_occurrence
    from stg_health_insurance__services
    left join function_catalogue
        on
            stg_health_insurance__services.function_number
            = function_catalogue.function_number
    left join known_persons
        on stg_health_insurance__services.person_id = known_persons.person_id
    left join int_analysis_years
        on
            stg_health_insurance__services.service_year
            = int_analysis_years.analysis_year
    left join int_citizens_during_years
        on
            stg_health_insurance__services.person_id
            = int_citizens_during_years.person_id
            and stg_health_insurance__services.service_year
            = int_citizens_during_years.analysis_year

),

reasons_listed as (

    select
        *,
        case when coalesce(not has_valid_person_id, false) then 'malformed_person_id;' else '' end || case when coalesce(has_valid_person_id and not is_known_person, false) then 'unknown_person_id;' else '' end || case when coalesce(service_date is not null and not is_in_analysis_years, false) then 'date_outside_analysis_years;' else '' end || case when coalesce(is_known_person and is_in_analysis_years and not is_citizen_during_year, false) then 'person_not_resident;' else '' end || case when coalesce(not is_known_function, false) then 'unknown_function_number;' else '' end || case when coalesce(key_occurrence > 1, false) then 'duplicate_key;' else '' end || case when coalesce(service_date is null, false) then 'invalid_period_date;' else '' end || case when coalesce(fee_amount is null, false) then 'invalid_amount;' else '' end as reason_list
    from services_checked

),

final as (

    select
        source_row_number,
        service_id,
        person_id,
        provider_type,
        function_number,
        service_date,
        service_year,
        is_in_analysis_years,
        fee_amount,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
  );
  