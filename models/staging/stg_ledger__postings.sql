with

source_postings as (

    select * from {{ source('ledger', 'ledger_postings') }}

),

renamed as (

    select
        cast(posting_id as {{ dbt.type_string() }}) as posting_id,
        cast(booking_date as date) as booking_date,
        cast(extract(year from booking_date) as integer) as booking_year,
        trim(function_number) as function_number,
        trim(cost_centre) as cost_centre,
        cast(amount as {{ type_double() }}) as amount,
        -- an empty string is a missing person id, as in many ledger exports
        nullif(trim(person_id), '') as person_id,
        source_system,
        nullif(trim(person_id), '') is null as is_pooled
    from source_postings

)

select * from renamed
