with

source_relations as (

    select * from "welfare"."raw"."relations"

),

renamed as (

    select
        source_row_number,
        left(encode(public.hmac(
        cast(person_id as text),
        coalesce(
            nullif(current_setting('welfare.pseudonym_key', true), ''),
            'welfare-segments-synthetic-demo-key'
        ),
        'sha256'
    ), 'hex'), 32) as person_id,
        left(encode(public.hmac(
        cast(related_person_id as text),
        coalesce(
            nullif(current_setting('welfare.pseudonym_key', true), ''),
            'welfare-segments-synthetic-demo-key'
        ),
        'sha256'
    ), 'hex'), 32) as related_person_id,
        lower(trim(relation_type)) as relation_type
    from source_relations

)

select * from renamed