
  create view "welfare"."staging"."stg_population_register__residences__dbt_tmp"
    
    
  as (
    with

source_residences as (

    select * from "welfare"."raw"."residences"

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
        cast(address_id as TEXT) as address_id,
        public.welfare_try_date(cast(valid_from as text)) as valid_from_date,
        public.welfare_try_date(cast(valid_to as text)) as valid_to_date
    from source_residences

)

select * from renamed
  );