-- The service groups (seed function_groups: child-welfare case, placement,
-- housing support, ...) each person receives in each analysis year: a group
-- counts when the person has a positive cost on one of its functions.
with

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

function_groups as (

    select * from {{ ref('function_groups') }}

),

final as (

    select distinct
        int_person_services.person_id,
        int_person_services.analysis_year,
        function_groups.group_code
    from int_person_services
    inner join function_groups
        on int_person_services.function_number = function_groups.function_number

)

select * from final
