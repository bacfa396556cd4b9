with

source_postings as (

    select * from {{ source('ledger', 'ledger_postings') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'posting_id',
            'booking_date',
            'function_number',
            'cost_centre',
            'amount',
            'person_id',
            'source_system',
        ]) }} as row_content_hash
    from source_postings

),

parsed as (

    -- dates and amounts may arrive as text: a value that does not parse
    -- becomes null here and its row is quarantined downstream
    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        cast(posting_id as {{ dbt.type_string() }}) as posting_id,
        {{ dbt.safe_cast('booking_date', 'date') }} as booking_date,
        cast(booking_date as {{ dbt.type_string() }}) as booking_date_text,
        trim(function_number) as function_number,
        trim(cost_centre) as cost_centre,
        {{ to_money('amount', source('ledger', 'ledger_postings')) }} as amount,
        {{ number_issue(
            'amount', source('ledger', 'ledger_postings'), 'amount', var('max_abs_amount')
        ) }} as amount_issue,
        {{ number_beyond_bound(
            'amount', source('ledger', 'ledger_postings'), var('max_abs_amount')
        ) }} as amount_beyond_bound,
        cast(amount as {{ dbt.type_string() }}) as amount_text,
        -- an empty string is a missing person id, as in many ledger exports
        nullif(trim(person_id), '') as source_person_id,
        source_system
    from content_hashed

),

final as (

    select
        source_row_number,
        row_key,
        posting_id,
        booking_date,
        booking_date_text,
        cast(extract(year from booking_date) as integer) as booking_year,
        function_number,
        cost_centre,
        amount,
        amount_text,
        amount_issue,
        amount_beyond_bound,
        {{ pseudonymise('source_person_id') }} as person_id,
        source_system,
        source_person_id is null as is_pooled,
        (
            source_person_id is null
            or {{ matches_pattern(
                'source_person_id', var('person_id_pattern')
            ) }}
        ) as has_valid_person_id
    from parsed

)

select * from final
