-- One more pass of complementary suppression over int_cells_withheld must
-- withhold nothing more: a row here is a figure still recoverable by
-- subtraction after var disclosure_passes passes (raise the var).
with

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

int_disclosure_relations as (

    select * from {{ ref('int_disclosure_relations') }}

),

int_disclosure_cells as (

    select * from {{ ref('int_disclosure_cells') }}

),

relations_with_self as (

    {{ disclosure_groups('int_disclosure_relations', 'int_disclosure_cells') }}

),

converged as (

    select
        cell_id,
        n_units,
        {{ flag('is_empty') }} as is_empty,
        {{ flag('is_derived') }} as is_derived,
        {{ flag('is_count_withheld') }} as count_withheld,
        {{ flag('is_cost_withheld') }} as cost_withheld,
        suppression_reason
    from int_cells_withheld

),

{{ disclosure_pass_ctes('converged', 'one_more_pass', 'relations_with_self') }}

select
    one_more_pass.cell_id,
    one_more_pass.count_withheld,
    one_more_pass.cost_withheld
from one_more_pass
inner join converged
    on one_more_pass.cell_id = converged.cell_id
where
    one_more_pass.count_withheld != converged.count_withheld
    or one_more_pass.cost_withheld != converged.cost_withheld
