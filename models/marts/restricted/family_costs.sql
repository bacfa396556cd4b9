-- One row per family and year: the sum of its members' costs, with the
-- family's composition. Family level: restricted schema.
with

person_costs as (

    select * from {{ ref('person_costs') }}

),

int_families_described as (

    select * from {{ ref('int_families_described') }}

),

int_family_features as (

    select * from {{ ref('int_family_features') }}

),

members_summed as (

    select
        family_id,
        analysis_year,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            sum({{ column_name }}) as {{ column_name }},
        {%- endfor %}
        sum(municipal_cost) as municipal_cost,
        sum(regional_cost) as regional_cost,
        sum(total_cost) as total_cost
    from person_costs
    where is_in_population and family_id is not null
    group by family_id, analysis_year

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
        coalesce(members_summed.total_cost, 0) as total_cost,
        coalesce(members_summed.municipal_cost, 0) as municipal_cost,
        coalesce(members_summed.regional_cost, 0) as regional_cost,
        {%- for column_name, fact_column, value in cost_breakdown_columns() %}
            coalesce(members_summed.{{ column_name }}, 0) as {{ column_name }},
        {%- endfor %}
        int_family_features.n_services,
        int_family_features.n_areas
    from int_families_described
    left join members_summed
        on
            int_families_described.family_id = members_summed.family_id
            and int_families_described.analysis_year
            = members_summed.analysis_year
    inner join int_family_features
        on
            int_families_described.family_id = int_family_features.family_id
            and int_families_described.analysis_year
            = int_family_features.analysis_year

)

select * from final
