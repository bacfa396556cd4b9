with

source_relations as (

    select * from {{ source('population_register', 'relations') }}

),

renamed as (

    select
        cast(person_id as {{ dbt.type_string() }}) as person_id,
        cast(related_person_id as {{ dbt.type_string() }}) as related_person_id,
        lower(trim(relation_type)) as relation_type
    from source_relations

)

select * from renamed
