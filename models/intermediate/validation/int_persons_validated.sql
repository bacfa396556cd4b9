-- Every row of the population register with every reason it cannot be used,
-- if any. A rejected person is not registered: whatever postings, services
-- or contacts carry their id are quarantined as unknown_person_id, so their
-- kroner are still accounted for. A person id on several rows keeps its
-- first row (by row_key, not by position in the file) when the rows agree;
-- when they disagree no row is used, since the register does not say which
-- is right.
with

stg_population_register__persons as (

    select * from {{ ref('stg_population_register__persons') }}

),

occurrences as (

    select
        person_id,
        min(row_key) as first_row_key,
        count(distinct {{ dbt.concat([
            "coalesce(cast(birth_date as " ~ dbt.type_string() ~ "), '')",
            "'|'",
            "coalesce(sex, '')",
            "'|'",
            "coalesce(cast(death_date as " ~ dbt.type_string() ~ "), '')",
        ]) }}) as n_versions
    from stg_population_register__persons
    group by person_id

),

persons_checked as (

    select
        stg_population_register__persons.*,
        occurrences.n_versions > 1 as has_conflicting_rows,
        stg_population_register__persons.row_key
        > occurrences.first_row_key as is_repeated_key
    from stg_population_register__persons
    left join occurrences
        on stg_population_register__persons.person_id = occurrences.person_id

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not has_valid_person_id', 'malformed_person_id'),
            ('birth_date is null', 'invalid_birth_date'),
            ('birth_date > current_date', 'born_in_future'),
            ('birth_date > death_date', 'born_after_death'),
            ('has_conflicting_rows', 'conflicting_register_rows'),
            ('is_repeated_key', 'duplicate_key'),
        ]) }} as reason_list
    from persons_checked

),

final as (

    select
        row_key,
        source_row_number,
        person_id,
        birth_date,
        sex,
        death_date,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
