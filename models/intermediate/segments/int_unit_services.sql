-- The municipal services of every unit of the populations: citizens (their
-- own function list) and families (their members' together), in one shape
-- for the segment profiles and the co-occurrence matrices.
with

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

int_family_services as (

    select * from {{ ref('int_family_services') }}

),

final as (

    select
        'citizens' as population,
        person_id as unit_id,
        analysis_year,
        function_number,
        service_cost
    from int_person_services
    union all
    select
        'families' as population,
        family_id as unit_id,
        analysis_year,
        function_number,
        service_cost
    from int_family_services

)

select * from final
