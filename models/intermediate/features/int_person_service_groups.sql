-- The service groups each person receives in each analysis year: the groups
-- of seed function_groups (child-welfare case, placement, housing support,
-- ...) and, for the Skanderborg segments, one group per Skanderborg area
-- ('skanderborg_boern_unge': any service of Children and youth). A group
-- counts when the person has a positive cost on one of its functions.
with

int_person_services as (

    select * from {{ ref('int_person_services') }}

),

function_groups as (

    select * from {{ ref('function_groups') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

seeded_groups as (

    select
        int_person_services.person_id,
        int_person_services.analysis_year,
        function_groups.group_code
    from int_person_services
    inner join function_groups
        on int_person_services.function_number = function_groups.function_number

),

area_groups as (

    select
        int_person_services.person_id,
        int_person_services.analysis_year,
        {{ dbt.concat([
            "'skanderborg_'", "function_catalogue.area_skanderborg"
        ]) }}
            as group_code
    from int_person_services
    inner join function_catalogue
        on
            int_person_services.function_number
            = function_catalogue.function_number

),

final as (

    select
        person_id,
        analysis_year,
        group_code
    from seeded_groups
    union
    select
        person_id,
        analysis_year,
        group_code
    from area_groups

)

select * from final
