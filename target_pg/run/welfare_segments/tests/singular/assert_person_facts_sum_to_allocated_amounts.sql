
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- The person facts, summed per year, function and allocation method, equal
-- what the reconciliation says was allocated (within the tolerance): no krone
-- is created or lost between the ledger (and the regional extracts) and the
-- persons. Regional tariffs and fees reconcile as direct allocations.
with

allocation_reconciliation as (

    select * from "welfare"."audit"."allocation_reconciliation"

),

int_costs_allocated_to_persons as (

    select * from "welfare"."intermediate"."int_costs_allocated_to_persons"

),

reconciled as (

    select
        analysis_year,
        function_number,
        sum(direct_allocated_amount) as direct_amount,
        sum(activity_allocated_amount) as activity_amount,
        sum(average_allocated_amount) as average_amount
    from allocation_reconciliation
    where is_analysis_year
    group by analysis_year, function_number

),

facts as (

    select
        analysis_year,
        function_number,
        sum(
            case
                when
                    allocation_method in ('direct', 'tariff', 'fee')
                    then amount
                else 0
            end
        ) as direct_amount,
        sum(case when allocation_method = 'activity' then amount else 0 end)
            as activity_amount,
        sum(case when allocation_method = 'average' then amount else 0 end)
            as average_amount
    from int_costs_allocated_to_persons
    group by analysis_year, function_number

),

compared as (

    select
        coalesce(reconciled.analysis_year, facts.analysis_year)
            as analysis_year,
        coalesce(reconciled.function_number, facts.function_number)
            as function_number,
        coalesce(reconciled.direct_amount, 0)
        - coalesce(facts.direct_amount, 0) as direct_difference,
        coalesce(reconciled.activity_amount, 0)
        - coalesce(facts.activity_amount, 0) as activity_difference,
        coalesce(reconciled.average_amount, 0)
        - coalesce(facts.average_amount, 0) as average_difference
    from reconciled
    full outer join facts
        on
            reconciled.analysis_year = facts.analysis_year
            and reconciled.function_number = facts.function_number

)

select *
from compared
where
    abs(direct_difference) > 0.01
    or abs(activity_difference) > 0.01
    or abs(average_difference) > 0.01
  
  
      
    ) dbt_internal_test