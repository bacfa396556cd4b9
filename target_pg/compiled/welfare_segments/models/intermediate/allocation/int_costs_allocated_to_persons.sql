-- The cost fact: one row per person, year, function and allocation method,
-- municipal and regional alike, with sector, area (both vocabularies) and
-- cost type from the function catalogue.
with

int_ledger_postings_classified as (

    select * from "welfare"."intermediate"."int_ledger_postings_classified"

),

int_cost_pools_allocated as (

    select * from "welfare"."intermediate"."int_cost_pools_allocated"

),

int_hospital_contacts_validated as (

    select * from "welfare"."intermediate"."int_hospital_contacts_validated"

),

int_health_insurance_services_validated as (

    select * from "welfare"."intermediate"."int_health_insurance_services_validated"

),

valid_contacts as (

    select * from int_hospital_contacts_validated
    where not is_rejected

),

valid_services as (

    select * from int_health_insurance_services_validated
    where not is_rejected

),

int_analysis_years as (

    select * from "welfare"."intermediate"."int_analysis_years"

),

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

direct_costs as (

    select
        person_id,
        analysis_year,
        function_number,
        'direct' as allocation_method,
        sum(amount) as amount,
        count(*) as n_records
    from int_ledger_postings_classified
    where ledger_state = 'direct'
    group by person_id, analysis_year, function_number

),

pooled_costs as (

    select
        person_id,
        analysis_year,
        function_number,
        allocation_method,
        sum(allocated_amount) as amount,
        count(*) as n_records
    from int_cost_pools_allocated
    where person_id is not null
    group by person_id, analysis_year, function_number, allocation_method

),

tariff_costs as (

    select
        valid_contacts.person_id,
        int_analysis_years.analysis_year,
        valid_contacts.function_number,
        'tariff' as allocation_method,
        sum(valid_contacts.tariff_amount) as amount,
        count(*) as n_records
    from valid_contacts
    inner join int_analysis_years
        on
            valid_contacts.contact_year
            = int_analysis_years.analysis_year
    group by
        valid_contacts.person_id,
        int_analysis_years.analysis_year,
        valid_contacts.function_number

),

fee_costs as (

    select
        valid_services.person_id,
        int_analysis_years.analysis_year,
        valid_services.function_number,
        'fee' as allocation_method,
        sum(valid_services.fee_amount) as amount,
        count(*) as n_records
    from valid_services
    inner join int_analysis_years
        on
            valid_services.service_year
            = int_analysis_years.analysis_year
    group by
        valid_services.person_id,
        int_analysis_years.analysis_year,
        valid_services.function_number

),

costs_unioned as (

    select * from direct_costs
    union all
    select * from pooled_costs
    union all
    select * from tariff_costs
    union all
    select * from fee_costs

),

final as (

    select
        costs_unioned.person_id,
        costs_unioned.analysis_year,
        costs_unioned.function_number,
        costs_unioned.allocation_method,
        function_catalogue.sector,
        function_catalogue.area_stevns,
        function_catalogue.area_skanderborg,
        function_catalogue.cost_type,
        costs_unioned.amount,
        costs_unioned.n_records
    from costs_unioned
    left join function_catalogue
        on costs_unioned.function_number = function_catalogue.function_number

)

select * from final