-- The person ids the population register knows (pseudonymised): what the
-- validated models check every other extract's person ids against.
with

stg_population_register__persons as (

    select * from {{ ref('stg_population_register__persons') }}

),

final as (

    select distinct person_id
    from stg_population_register__persons
    where person_id is not null

)

select * from final
