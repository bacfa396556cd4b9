-- One row per family and year: the sum of its members' costs
-- (int_unit_costs), with the family's composition. Family level: restricted
-- schema.
with

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

final as (

    select
        int_families_described.family_id,
        int_families_described.analysis_year,
        int_families_described.n_members,
        int_families_described.n_adults,
        int_families_described.n_children,
        int_families_described.n_placed_children,
        int_families_described.has_children,
        int_families_described.is_single_provider,
        int_unit_costs.total_cost,
        int_unit_costs.municipal_cost,
        int_unit_costs.regional_cost,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            int_unit_costs.{{ column_name }},
        {%- endfor %}
        int_unit_costs.n_services,
        int_unit_costs.n_areas
    from int_families_described
    inner join int_unit_costs
        on
            int_families_described.family_id = int_unit_costs.unit_id
            and int_families_described.analysis_year
            = int_unit_costs.analysis_year
            and int_unit_costs.population = 'families'

)

select * from final
