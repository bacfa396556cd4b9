with

source_control_totals as (

    select * from {{ source('loader', 'load_control_totals') }}

),

final as (

    select
        table_name,
        file_name,
        file_sha256,
        cast(record_month as integer) as record_month,
        cast(n_rows as bigint) as n_rows,
        cast(n_amounts as bigint) as n_amounts,
        cast(amount_sum as {{ type_double() }}) as amount_sum
    from source_control_totals

)

select * from final
