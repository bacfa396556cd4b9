-- Every posting of the analysis years with the state its kroner end in:
-- deselected (function not relevant), direct (names a person), pooled (to be
-- split over recipients), unallocated (no recipient can be known) or
-- quarantined (bad input, kept with its reason).
with

stg_ledger__postings as (

    select * from {{ ref('stg_ledger__postings') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

stg_population_register__persons as (

    select * from {{ ref('stg_population_register__persons') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

postings_joined as (

    select
        stg_ledger__postings.posting_id,
        int_analysis_years.analysis_year,
        stg_ledger__postings.booking_date,
        stg_ledger__postings.function_number,
        stg_ledger__postings.cost_centre,
        stg_ledger__postings.person_id,
        stg_ledger__postings.amount,
        stg_ledger__postings.is_pooled,
        function_catalogue.function_number is not null as is_known_function,
        function_catalogue.is_relevant,
        function_catalogue.allocation_method,
        stg_population_register__persons.person_id is not null
            as is_known_person
    from stg_ledger__postings
    inner join int_analysis_years
        on stg_ledger__postings.booking_year = int_analysis_years.analysis_year
    left join function_catalogue
        on
            stg_ledger__postings.function_number
            = function_catalogue.function_number
    left join stg_population_register__persons
        on
            stg_ledger__postings.person_id
            = stg_population_register__persons.person_id

),

final as (

    select
        posting_id,
        analysis_year,
        booking_date,
        function_number,
        cost_centre,
        person_id,
        amount,
        allocation_method,
        case
            when not is_known_function then 'unknown_function_number'
            when not is_pooled and not is_known_person
                then 'unknown_person_id'
        end as quarantine_reason,
        case
            when not is_known_function then 'quarantined'
            when not is_pooled and not is_known_person then 'quarantined'
            when not is_relevant then 'deselected'
            when not is_pooled then 'direct'
            when allocation_method in ('activity', 'average') then 'pooled'
            else 'unallocated'
        end as ledger_state
    from postings_joined

)

select * from final
