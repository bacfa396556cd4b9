-- The person ids the population register knows (pseudonymised), from the
-- register rows that passed validation: what the validated models check every
-- other extract's person ids against.
with

int_persons_validated as (

    select * from {{ ref('int_persons_validated') }}

),

final as (

    select distinct person_id
    from int_persons_validated
    where not is_rejected and person_id is not null

)

select * from final
