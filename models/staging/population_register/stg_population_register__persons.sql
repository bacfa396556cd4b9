with

source_persons as (

    select * from {{ source('population_register', 'persons') }}

),

content_hashed as (

    select
        *,
        {{ row_content_hash([
            'person_id',
            'birth_date',
            'sex',
            'death_date',
        ]) }} as row_content_hash
    from source_persons

),

renamed as (

    select
        source_row_number,
        {{ row_key('row_content_hash') }} as row_key,
        {{ pseudonymise('person_id') }} as person_id,
        coalesce(
            {{ matches_pattern('person_id', var('person_id_pattern')) }}, false
        ) as has_valid_person_id,
        {{ dbt.safe_cast('birth_date', 'date') }} as birth_date,
        upper(trim(sex)) as sex,
        {{ dbt.safe_cast('death_date', 'date') }} as death_date
    from content_hashed

)

select * from renamed
