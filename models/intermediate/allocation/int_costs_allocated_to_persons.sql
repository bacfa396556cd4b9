-- The cost fact: one row per person, year, function and allocation method,
-- municipal and regional alike, with sector, area (both vocabularies) and
-- cost type from the function catalogue.
with

int_ledger_postings_classified as (

    select * from {{ ref('int_ledger_postings_classified') }}

),

int_cost_pools_allocated as (

    select * from {{ ref('int_cost_pools_allocated') }}

),

stg_hospital__contacts as (

    select * from {{ ref('stg_hospital__contacts') }}

),

stg_health_insurance__services as (

    select * from {{ ref('stg_health_insurance__services') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

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
        stg_hospital__contacts.person_id,
        int_analysis_years.analysis_year,
        stg_hospital__contacts.function_number,
        'tariff' as allocation_method,
        sum(stg_hospital__contacts.tariff_amount) as amount,
        count(*) as n_records
    from stg_hospital__contacts
    inner join int_analysis_years
        on
            stg_hospital__contacts.contact_year
            = int_analysis_years.analysis_year
    group by
        stg_hospital__contacts.person_id,
        int_analysis_years.analysis_year,
        stg_hospital__contacts.function_number

),

fee_costs as (

    select
        stg_health_insurance__services.person_id,
        int_analysis_years.analysis_year,
        stg_health_insurance__services.function_number,
        'fee' as allocation_method,
        sum(stg_health_insurance__services.fee_amount) as amount,
        count(*) as n_records
    from stg_health_insurance__services
    inner join int_analysis_years
        on
            stg_health_insurance__services.service_year
            = int_analysis_years.analysis_year
    group by
        stg_health_insurance__services.person_id,
        int_analysis_years.analysis_year,
        stg_health_insurance__services.function_number

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
