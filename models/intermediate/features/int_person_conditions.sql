-- The conditions each person has in each analysis year, from the ICD-10
-- diagnoses (primary and secondary) of valid hospital contacts in the year and
-- the var condition_lookback_years - 1 years before it, by the code groups of
-- the seed chronic_condition_codes.
with

int_hospital_contacts_validated as (

    select * from {{ ref('int_hospital_contacts_validated') }}

),

chronic_condition_codes as (

    select * from {{ ref('chronic_condition_codes') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

diagnoses as (

    select
        person_id,
        contact_year,
        primary_diagnosis_code as diagnosis_code
    from int_hospital_contacts_validated
    where not is_rejected
    union all
    select
        person_id,
        contact_year,
        secondary_diagnosis_code as diagnosis_code
    from int_hospital_contacts_validated
    where not is_rejected and secondary_diagnosis_code is not null

),

final as (

    select distinct
        int_analysis_years.analysis_year,
        diagnoses.person_id,
        chronic_condition_codes.condition_code,
        chronic_condition_codes.is_chronic_condition
    from diagnoses
    inner join chronic_condition_codes
        on
            substr(
                diagnoses.diagnosis_code,
                1,
                length(chronic_condition_codes.icd10_prefix)
            )
            = chronic_condition_codes.icd10_prefix
    inner join int_analysis_years
        on
            diagnoses.contact_year <= int_analysis_years.analysis_year
            and diagnoses.contact_year
            > int_analysis_years.analysis_year
            - {{ var('condition_lookback_years') }}

)

select * from final
