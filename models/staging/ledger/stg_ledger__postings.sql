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
            'grouping',
            'statutory_refund_amount',
            'expensive_case_refund_amount',
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
        source_system,
        nullif(trim(grouping), '') as account_grouping,
        {{ to_money(
            'statutory_refund_amount', source('ledger', 'ledger_postings')
        ) }} as statutory_refund_parsed,
        {{ to_money(
            'expensive_case_refund_amount', source('ledger', 'ledger_postings')
        ) }} as expensive_case_refund_parsed,
        -- a refund given but not usable as kroner (text, NaN, beyond bounds)
        (
            statutory_refund_amount is not null
            and {{ usable_number(
                'statutory_refund_amount', source('ledger', 'ledger_postings'),
                var('max_abs_amount')
            ) }} is null
        ) or (
            expensive_case_refund_amount is not null
            and {{ usable_number(
                'expensive_case_refund_amount', source('ledger', 'ledger_postings'),
                var('max_abs_amount')
            ) }} is null
        ) as has_invalid_refund,
        cast(statutory_refund_amount as {{ dbt.type_string() }})
            as statutory_refund_amount_text,
        cast(expensive_case_refund_amount as {{ dbt.type_string() }})
            as expensive_case_refund_amount_text
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
        account_grouping,
        -- not recorded: no refund
        coalesce(statutory_refund_parsed, 0) as statutory_refund_amount,
        coalesce(expensive_case_refund_parsed, 0)
            as expensive_case_refund_amount,
        has_invalid_refund,
        statutory_refund_amount_text,
        expensive_case_refund_amount_text,
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
