-- Every raw row that could not be used, with every reason that applies and
-- the kroner it carried: nothing is lost. A row is found again in its raw
-- table by source_table and source_row_number (1-based position in the file).
with

int_ledger_postings_validated as (

    select * from {{ ref('int_ledger_postings_validated') }}

),

int_service_deliveries_validated as (

    select * from {{ ref('int_service_deliveries_validated') }}

),

int_residences_validated as (

    select * from {{ ref('int_residences_validated') }}

),

int_hospital_contacts_validated as (

    select * from {{ ref('int_hospital_contacts_validated') }}

),

int_persons_validated as (

    select * from {{ ref('int_persons_validated') }}

),

int_relations_validated as (

    select * from {{ ref('int_relations_validated') }}

),

int_health_insurance_services_validated as (

    select * from {{ ref('int_health_insurance_services_validated') }}

),

rejected as (

    select
        'ledger_postings' as source_table,
        source_row_number,
        posting_id as row_key,
        person_id,
        booking_year as record_year,
        function_number,
        amount,
        {{ dbt.concat(["'amount='", "coalesce(amount_text, '')",
                       "'; booking_date='", "coalesce(booking_date_text, '')"]) }}
            as source_values,
        rejection_reasons
    from int_ledger_postings_validated
    where is_rejected
    union all
    select
        'service_deliveries' as source_table,
        source_row_number,
        delivery_id as row_key,
        person_id,
        cast(extract(year from period_start_date) as integer) as record_year,
        function_number,
        cast(null as {{ type_money() }}) as amount,
        {{ dbt.concat(["'activity_units='",
                       "coalesce(cast(activity_units as "
                       ~ dbt.type_string() ~ "), '')"]) }}
            as source_values,
        rejection_reasons
    from int_service_deliveries_validated
    where is_rejected
    union all
    select
        'residences' as source_table,
        source_row_number,
        {{ dbt.concat([
            "person_id", "'|'",
            "coalesce(cast(valid_from_date as " ~ dbt.type_string() ~ "), '')"
        ]) }} as row_key,
        person_id,
        cast(extract(year from valid_from_date) as integer) as record_year,
        cast(null as {{ dbt.type_string() }}) as function_number,
        cast(null as {{ type_money() }}) as amount,
        {{ dbt.concat(["'address_id='", "coalesce(address_id, '')"]) }}
            as source_values,
        rejection_reasons
    from int_residences_validated
    where is_rejected
    union all
    select
        'hospital_contacts' as source_table,
        source_row_number,
        contact_id as row_key,
        person_id,
        contact_year as record_year,
        function_number,
        tariff_amount as amount,
        {{ dbt.concat(["'primary_diagnosis='",
                       "coalesce(primary_diagnosis_code, '')"]) }}
            as source_values,
        rejection_reasons
    from int_hospital_contacts_validated
    where is_rejected
    union all
    select
        'health_insurance_services' as source_table,
        source_row_number,
        service_id as row_key,
        person_id,
        service_year as record_year,
        function_number,
        fee_amount as amount,
        cast(null as {{ dbt.type_string() }}) as source_values,
        rejection_reasons
    from int_health_insurance_services_validated
    where is_rejected
    union all
    select
        'persons' as source_table,
        source_row_number,
        person_id as row_key,
        person_id,
        cast(extract(year from birth_date) as integer) as record_year,
        cast(null as {{ dbt.type_string() }}) as function_number,
        cast(null as {{ type_money() }}) as amount,
        {{ dbt.concat([
            "'birth_date='",
            "coalesce(cast(birth_date as " ~ dbt.type_string() ~ "), '')",
            "'; death_date='",
            "coalesce(cast(death_date as " ~ dbt.type_string() ~ "), '')",
        ]) }} as source_values,
        rejection_reasons
    from int_persons_validated
    where is_rejected
    union all
    select
        'relations' as source_table,
        source_row_number,
        {{ dbt.concat([
            "coalesce(person_id, '')", "'|'",
            "coalesce(related_person_id, '')", "'|'",
            "coalesce(relation_type, '')",
        ]) }} as row_key,
        person_id,
        cast(null as integer) as record_year,
        cast(null as {{ dbt.type_string() }}) as function_number,
        cast(null as {{ type_money() }}) as amount,
        {{ dbt.concat(["'relation_type='", "coalesce(relation_type, '')"]) }}
            as source_values,
        rejection_reasons
    from int_relations_validated
    where is_rejected

),

final as (

    select
        source_table,
        source_row_number,
        row_key,
        person_id,
        record_year,
        function_number,
        amount,
        source_values,
        rejection_reasons,
        -- the first reason in the fixed order of the checks
        {{ dbt.split_part('rejection_reasons', "';'", 1) }} as primary_reason,
        {{ dbt.length('rejection_reasons') }}
        - {{ dbt.length(dbt.replace('rejection_reasons', "';'", "''")) }}
        + 1 as n_reasons
    from rejected

)

select * from final
