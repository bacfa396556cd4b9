-- Every ledger posting with every reason it cannot be used, if any. Rejected
-- postings keep their amount: the reconciliation counts them as quarantined.
with

stg_ledger__postings as (

    select * from "welfare"."staging"."stg_ledger__postings"

),

stg_population_register__persons as (

    select * from "welfare"."staging"."stg_population_register__persons"

),

function_catalogue as (

    select * from "welfare"."reference"."function_catalogue"

),

int_analysis_years as (

    select * from "welfare"."intermediate"."int_analysis_years"

),

known_persons as (

    select distinct person_id
    from stg_population_register__persons

),

postings_checked as (

    select
        stg_ledger__postings.*,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        function_catalogue.function_number is not null as is_known_function,
        (
            stg_ledger__postings.is_pooled
            or known_persons.person_id is not null
        ) as is_known_person,
        row_number() over (
            partition by stg_ledger__postings.posting_id
            order by stg_ledger__postings.source_row_number
        ) as key_occurrence
    from stg_ledger__postings
    left join int_analysis_years
        on stg_ledger__postings.booking_year = int_analysis_years.analysis_year
    left join function_catalogue
        on
            stg_ledger__postings.function_number
            = function_catalogue.function_number
    left join known_persons
        on stg_ledger__postings.person_id = known_persons.person_id

),

reasons_listed as (

    select
        *,
        case when coalesce(not has_valid_person_id, false) then 'malformed_person_id;' else '' end || case when coalesce(has_valid_person_id and not is_known_person, false) then 'unknown_person_id;' else '' end || case when coalesce(not is_known_function, false) then 'unknown_function_number;' else '' end || case when coalesce(key_occurrence > 1, false) then 'duplicate_key;' else '' end || case when coalesce(amount is null, false) then 'invalid_amount;' else '' end || case when coalesce(booking_date is null, false) then 'invalid_booking_date;' else '' end || case when coalesce(booking_date is not null and not is_in_analysis_years, false) then 'booking_date_outside_analysis_years;' else '' end as reason_list
    from postings_checked

),

final as (

    select
        source_row_number,
        posting_id,
        booking_date,
        booking_date_text,
        booking_year,
        is_in_analysis_years,
        function_number,
        cost_centre,
        amount,
        amount_text,
        person_id,
        source_system,
        is_pooled,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final