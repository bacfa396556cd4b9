
  create view "welfare"."staging"."stg_population_register__persons__dbt_tmp"
    
    
  as (
    with

source_persons as (

    select * from "welfare"."raw"."persons"

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
        coalesce(
            (person_id ~ '^[0-9]{10}$'), false
        ) as has_valid_person_id,
        public.welfare_try_date(cast(birth_date as text)) as birth_date,
        upper(trim(sex)) as sex,
        public.welfare_try_date(cast(death_date as text)) as death_date
    from source_persons

)

select * from renamed
  );