-- Every hospital contact with every reason it cannot be used, if any. A
-- rejected contact keeps its tariff: the reconciliation counts it as
-- quarantined.
-- Incremental by month, like the ledger's validated postings.
{{ config(**monthly_incremental_config('contact_month')) }}

with

stg_hospital__contacts as (

    select * from {{ ref('stg_hospital__contacts') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_citizens_during_years as (

    select * from {{ ref('int_citizens_during_years') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

{{ monthly_new_rows(
    'stg_hospital__contacts', 'contact_id', 'start_date', 'contact_month'
) }}

contacts_checked as (

    select
        new_rows.*,
        function_catalogue.function_number is not null as is_known_function,
        int_persons_registered.person_id is not null as is_known_person,
        int_analysis_years.analysis_year is not null as is_in_analysis_years,
        int_citizens_during_years.person_id is not null
            as is_citizen_during_year,
        {{ is_repeated_key() }} as is_repeated_key
    from new_rows
    left join first_occurrences
        on new_rows.contact_id = first_occurrences.contact_id
    left join function_catalogue
        on
            new_rows.function_number
            = function_catalogue.function_number
    left join int_persons_registered
        on new_rows.person_id = int_persons_registered.person_id
    left join int_analysis_years
        on
            new_rows.contact_year
            = int_analysis_years.analysis_year
    left join int_citizens_during_years
        on
            new_rows.person_id
            = int_citizens_during_years.person_id
            and new_rows.contact_year
            = int_citizens_during_years.analysis_year

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('has_valid_person_id and not is_known_person', 'unknown_person_id'),
            ('start_date is not null and not is_in_analysis_years',
             'date_outside_analysis_years'),
            ('is_known_person and is_in_analysis_years '
             ~ 'and not is_citizen_during_year', 'person_not_resident'),
            ('not is_known_function', 'unknown_function_number'),
            ('is_repeated_key', 'duplicate_key'),
            ('start_date is null or end_date is null', 'invalid_period_date'),
            ('end_date < start_date', 'period_end_before_start'),
            ('tariff_amount is null and amount_issue is null', 'invalid_amount'),
            ('amount_issue = \'non_finite_amount\'', 'non_finite_amount'),
            ('amount_issue = \'amount_out_of_bounds\'', 'amount_out_of_bounds'),
            ('amount_issue = \'ambiguous_amount_format\'',
             'ambiguous_amount_format'),
            ('not has_valid_diagnoses', 'invalid_diagnosis_code'),
        ]) }} as reason_list
    from contacts_checked

),

final as (

    select
        row_key,
        source_row_number,
        contact_id,
        person_id,
        hospital_sector,
        contact_type,
        function_number,
        is_acute,
        start_date,
        end_date,
        contact_year,
        is_in_analysis_years,
        tariff_amount,
        amount_beyond_bound,
        primary_diagnosis_code,
        secondary_diagnosis_code,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected,
        '{{ invocation_id }}' as dbt_invocation_id,
        -- the key this row was pseudonymised with (check_pseudonym_key)
        {{ key_fingerprint() }} as key_fingerprint,
        -- the seeds it was built with (a change refuses an incremental run)
        '{{ reference_fingerprint(model.unique_id) }}' as reference_fingerprint,
        -- last: Spark's partition column
        contact_month
    from reasons_listed

)

select * from final
