-- One row per person and year: what the person cost the municipality and the
-- region, by area and cost type (int_unit_costs), with who the person is.
-- Person level: restricted schema.
with

int_unit_costs as (

    select * from {{ ref('int_unit_costs') }}

),

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

final as (

    select
        int_unit_costs.unit_id as person_id,
        int_unit_costs.analysis_year,
        int_unit_costs.is_in_population,
        int_families_formed.family_id,
        int_families_formed.is_single,
        int_families_formed.sex,
        int_families_formed.age_at_reference_date,
        coalesce(int_families_formed.is_child, false) as is_child,
        int_unit_costs.total_cost,
        int_unit_costs.municipal_cost,
        int_unit_costs.regional_cost,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            int_unit_costs.{{ column_name }},
        {%- endfor %}
        int_unit_costs.n_services,
        int_unit_costs.n_areas
    from int_unit_costs
    left join int_families_formed
        on
            int_unit_costs.unit_id = int_families_formed.person_id
            and int_unit_costs.analysis_year = int_families_formed.analysis_year
    where int_unit_costs.population = 'citizens'

)

select * from final
