with

source_relations as (

    select * from {{ source('population_register', 'relations') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'person_id',
            'related_person_id',
            'relation_type',
        ]) }} as row_content_hash
    from source_relations

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        {{ pseudonymise('person_id') }} as person_id,
        {{ pseudonymise('related_person_id') }} as related_person_id,
        lower(trim(relation_type)) as relation_type
    from content_hashed

)

select * from renamed
