-- Service x service co-occurrence among complex citizens and families,
-- with the health indicators beside the services, published: the cells of
-- int_service_cooccurrence_cells with what int_cells_withheld withholds set
-- to null and flagged (the reports print "-"). A pair and its mirror are
-- withheld together.
with

int_service_cooccurrence_cells as (

    select * from {{ ref('int_service_cooccurrence_cells') }}

),

int_cells_withheld as (

    select * from {{ ref('int_cells_withheld') }}

),

final as (

    select
        int_service_cooccurrence_cells.population,
        int_service_cooccurrence_cells.analysis_year,
        int_service_cooccurrence_cells.function_number,
        int_service_cooccurrence_cells.service_name,
        int_service_cooccurrence_cells.service_name_da,
        int_service_cooccurrence_cells.other_function_number,
        int_service_cooccurrence_cells.other_service_name,
        int_service_cooccurrence_cells.other_service_name_da,
        case
            when not int_cells_withheld.is_count_withheld
                then int_service_cooccurrence_cells.n_units
        end as n_units,
        int_cells_withheld.is_withheld as is_suppressed
    from int_service_cooccurrence_cells
    inner join int_cells_withheld
        on int_service_cooccurrence_cells.cell_id = int_cells_withheld.cell_id

)

select * from final
