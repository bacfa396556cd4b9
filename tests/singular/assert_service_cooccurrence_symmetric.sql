-- The co-occurrence matrices are symmetric, and no cell exceeds the
-- diagonal (receivers of both services are receivers of each).
with

service_cooccurrence as (

    select * from {{ ref('service_cooccurrence') }}

)

select
    service_cooccurrence.population,
    service_cooccurrence.analysis_year,
    service_cooccurrence.function_number,
    service_cooccurrence.other_function_number
from service_cooccurrence
left join service_cooccurrence as mirrored
    on
        service_cooccurrence.population = mirrored.population
        and service_cooccurrence.analysis_year = mirrored.analysis_year
        and service_cooccurrence.function_number
        = mirrored.other_function_number
        and service_cooccurrence.other_function_number
        = mirrored.function_number
left join service_cooccurrence as diagonal
    on
        service_cooccurrence.population = diagonal.population
        and service_cooccurrence.analysis_year = diagonal.analysis_year
        and service_cooccurrence.function_number = diagonal.function_number
        and service_cooccurrence.function_number
        = diagonal.other_function_number
where
    mirrored.function_number is null
    or service_cooccurrence.is_suppressed != mirrored.is_suppressed
    or service_cooccurrence.n_units != mirrored.n_units
    or diagonal.function_number is null
    or service_cooccurrence.n_units > diagonal.n_units
