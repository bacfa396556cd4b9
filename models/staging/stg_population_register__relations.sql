with

source_relations as (

    select * from {{ source('population_register', 'relations') }}

),

renamed as (

    select
        source_row_number,
        {{ row_key([
            'person_id',
            'related_person_id',
            'relation_type',
        ]) }} as row_key,
        {{ pseudonymise('person_id') }} as person_id,
        {{ pseudonymise('related_person_id') }} as related_person_id,
        lower(trim(relation_type)) as relation_type
    from source_relations

)

select * from renamed
