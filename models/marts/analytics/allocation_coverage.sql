-- The allocation-coverage summary the reports quote (Stevns: 99 % of 730 mio.
-- kr. of relevant municipal operating cost allocated to individuals): per year,
-- how the relevant ledger splits over the allocation states.
with

allocation_reconciliation as (

    select * from {{ ref('allocation_reconciliation') }}

),

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

ledger_summed as (

    select
        analysis_year,
        sum(ledger_amount) as ledger_amount,
        sum(deselected_amount) as deselected_amount,
        sum(ledger_amount - deselected_amount) as relevant_ledger_amount,
        sum(allocated_amount) as allocated_amount,
        sum(direct_allocated_amount) as direct_allocated_amount,
        sum(activity_allocated_amount) as activity_allocated_amount,
        sum(average_allocated_amount) as average_allocated_amount,
        sum(unallocated_amount) as unallocated_amount,
        sum(quarantined_amount) as quarantined_amount
    from allocation_reconciliation
    -- by where the row comes from, not by the catalogue's sector: a posting
    -- with a function the catalogue does not know is quarantined, and counted
    where cost_source = 'municipal' and is_analysis_year
    group by analysis_year

),

regional_summed as (

    select
        analysis_year,
        sum(amount) as regional_amount
    from int_costs_allocated_to_persons
    where sector = 'regional'
    group by analysis_year

),

final as (

    select
        ledger_summed.analysis_year,
        ledger_summed.ledger_amount,
        ledger_summed.deselected_amount,
        ledger_summed.relevant_ledger_amount,
        ledger_summed.allocated_amount,
        ledger_summed.unallocated_amount,
        ledger_summed.quarantined_amount,
        {%- for state in ['allocated', 'direct_allocated', 'activity_allocated',
                          'average_allocated', 'unallocated', 'quarantined'] %}
            case
                when ledger_summed.relevant_ledger_amount <> 0
                    then
                        cast(
                            ledger_summed.{{ state }}_amount
                            as {{ type_double() }}
                        )
                        / cast(
                            ledger_summed.relevant_ledger_amount
                            as {{ type_double() }}
                        )
            end as {{ state }}_share,
        {%- endfor %}
        coalesce(regional_summed.regional_amount, 0) as regional_amount
    from ledger_summed
    left join regional_summed
        on ledger_summed.analysis_year = regional_summed.analysis_year

)

select * from final
