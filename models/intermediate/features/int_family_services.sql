-- The municipal services each family receives in each analysis year: a
-- service counts when the members together have a positive net cost on its
-- function. The family's function list (family_costs counts it; the segment
-- profiles and co-occurrence matrices read it); is_counted_area says whether
-- its area counts in the number of areas.
with

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

int_costs_allocated_to_persons as (

    select * from {{ ref('int_costs_allocated_to_persons') }}

),

area_vocabulary as (

    select * from {{ ref('area_vocabulary') }}

),

services_summed as (

    select
        int_families_formed.family_id,
        int_families_formed.analysis_year,
        int_costs_allocated_to_persons.function_number,
        min(int_costs_allocated_to_persons.{{ area_column() }}) as area_code,
        min(int_costs_allocated_to_persons.cost_type) as cost_type,
        sum(int_costs_allocated_to_persons.amount) as service_cost
    from int_families_formed
    inner join int_costs_allocated_to_persons
        on
            int_families_formed.person_id
            = int_costs_allocated_to_persons.person_id
            and int_families_formed.analysis_year
            = int_costs_allocated_to_persons.analysis_year
    where
        int_families_formed.family_id is not null
        and int_costs_allocated_to_persons.sector = 'municipal'
    group by
        int_families_formed.family_id,
        int_families_formed.analysis_year,
        int_costs_allocated_to_persons.function_number
    having sum(int_costs_allocated_to_persons.amount) > 0

),

final as (

    select
        services_summed.family_id,
        services_summed.analysis_year,
        services_summed.function_number,
        services_summed.area_code,
        coalesce(area_vocabulary.is_counted_area, false) as is_counted_area,
        services_summed.cost_type,
        services_summed.service_cost
    from services_summed
    left join area_vocabulary
        on
            area_vocabulary.vocabulary = '{{ var('area_vocabulary') }}'
            and services_summed.area_code = area_vocabulary.area_code

)

select * from final
