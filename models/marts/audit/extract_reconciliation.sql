-- Every row and every krone of the raw files accounted for: the loader's
-- control totals (taken from the files before they were loaded) against the
-- rows the pipeline validated, kept or quarantined, per table and month
-- (per file for the tables without a date). A row whose amount does not
-- parse is counted with its text in the quarantine; an amount beyond
-- var max_abs_amount is quarantined and its kroner still counted here.
with

stg_loader__control_totals as (

    select * from {{ ref('stg_loader__control_totals') }}

),

int_ledger_postings_validated as (

    select * from {{ ref('int_ledger_postings_validated') }}

),

int_hospital_contacts_validated as (

    select * from {{ ref('int_hospital_contacts_validated') }}

),

int_health_insurance_services_validated as (

    select * from {{ ref('int_health_insurance_services_validated') }}

),

int_service_deliveries_validated as (

    select * from {{ ref('int_service_deliveries_validated') }}

),

int_residences_validated as (

    select * from {{ ref('int_residences_validated') }}

),

int_persons_validated as (

    select * from {{ ref('int_persons_validated') }}

),

stg_population_register__addresses as (

    select * from {{ ref('stg_population_register__addresses') }}

),

int_relations_validated as (

    select * from {{ ref('int_relations_validated') }}

),

dated_rows as (

    select
        'ledger_postings' as table_name,
        booking_month as record_month,
        is_rejected,
        amount,
        amount_beyond_bound
    from int_ledger_postings_validated
    union all
    select
        'hospital_contacts' as table_name,
        contact_month as record_month,
        is_rejected,
        tariff_amount as amount,
        amount_beyond_bound
    from int_hospital_contacts_validated
    union all
    select
        'health_insurance_services' as table_name,
        service_month as record_month,
        is_rejected,
        fee_amount as amount,
        amount_beyond_bound
    from int_health_insurance_services_validated

),

dated_accounted as (

    select
        table_name,
        record_month,
        count(*) as n_rows_accounted,
        sum(case when is_rejected then 1 else 0 end) as n_rows_quarantined,
        count(amount) + count(amount_beyond_bound) as n_amounts_accounted,
        -- the usable amounts summed exactly (decimal), then those beyond the
        -- bound, which only a double holds
        coalesce(cast(sum(amount) as {{ type_double() }}), 0)
        + coalesce(sum(amount_beyond_bound), 0) as amount_accounted,
        coalesce(
            cast(
                sum(case when is_rejected then amount end)
                as {{ type_double() }}
            ),
            0
        )
        + coalesce(
            sum(case when is_rejected then amount_beyond_bound end), 0
        ) as amount_quarantined
    from dated_rows
    group by table_name, record_month

),

undated_accounted as (

    select
        'service_deliveries' as table_name,
        count(*) as n_rows_accounted,
        sum(case when is_rejected then 1 else 0 end) as n_rows_quarantined
    from int_service_deliveries_validated
    union all
    select
        'residences' as table_name,
        count(*) as n_rows_accounted,
        sum(case when is_rejected then 1 else 0 end) as n_rows_quarantined
    from int_residences_validated
    union all
    select
        'persons' as table_name,
        count(*) as n_rows_accounted,
        sum(case when is_rejected then 1 else 0 end) as n_rows_quarantined
    from int_persons_validated
    union all
    select
        'addresses' as table_name,
        count(*) as n_rows_accounted,
        0 as n_rows_quarantined
    from stg_population_register__addresses
    union all
    select
        'relations' as table_name,
        count(*) as n_rows_accounted,
        sum(case when is_rejected then 1 else 0 end) as n_rows_quarantined
    from int_relations_validated

),

accounted as (

    select
        table_name,
        record_month,
        n_rows_accounted,
        n_rows_quarantined,
        n_amounts_accounted,
        amount_accounted,
        amount_quarantined
    from dated_accounted
    union all
    select
        table_name,
        cast(null as integer) as record_month,
        n_rows_accounted,
        n_rows_quarantined,
        cast(null as bigint) as n_amounts_accounted,
        cast(null as {{ type_double() }}) as amount_accounted,
        cast(null as {{ type_double() }}) as amount_quarantined
    from undated_accounted

),

-- a month on one side only (rows lost or invented) still gets its line
compared as (

    select
        coalesce(
            stg_loader__control_totals.table_name, accounted.table_name
        ) as table_name,
        coalesce(
            stg_loader__control_totals.record_month, accounted.record_month
        ) as record_month,
        stg_loader__control_totals.file_name,
        stg_loader__control_totals.file_sha256,
        coalesce(stg_loader__control_totals.n_rows, 0) as n_rows_in,
        coalesce(accounted.n_rows_accounted, 0) as n_rows_accounted,
        coalesce(accounted.n_rows_quarantined, 0) as n_rows_quarantined,
        stg_loader__control_totals.n_amounts as n_amounts_in,
        accounted.n_amounts_accounted,
        stg_loader__control_totals.amount_sum as amount_in,
        accounted.amount_accounted,
        accounted.amount_quarantined
    from stg_loader__control_totals
    full outer join accounted
        on
            stg_loader__control_totals.table_name = accounted.table_name
            and coalesce(stg_loader__control_totals.record_month, -1)
            = coalesce(accounted.record_month, -1)

),

final as (

    select
        table_name,
        record_month,
        file_name,
        file_sha256,
        n_rows_in,
        n_rows_accounted,
        n_rows_quarantined,
        n_rows_accounted - n_rows_in as row_difference,
        n_amounts_in,
        n_amounts_accounted,
        coalesce(n_amounts_accounted, 0) - coalesce(n_amounts_in, 0)
            as amount_count_difference,
        amount_in,
        amount_accounted,
        amount_quarantined,
        coalesce(amount_accounted, 0) - coalesce(amount_in, 0)
            as amount_difference
    from compared

)

select * from final
