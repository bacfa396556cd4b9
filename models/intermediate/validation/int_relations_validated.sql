-- Every family relation of the population register with every reason it
-- cannot be used, if any: a relation to or from a person the register does
-- not hold (or holds only on rejected rows), to oneself, of an unknown type,
-- or repeated.
with

stg_population_register__relations as (

    select * from {{ ref('stg_population_register__relations') }}

),

int_persons_registered as (

    select * from {{ ref('int_persons_registered') }}

),

first_occurrences as (

    select
        person_id,
        related_person_id,
        relation_type,
        min(row_key) as first_row_key
    from stg_population_register__relations
    group by person_id, related_person_id, relation_type

),

relations_checked as (

    select
        stg_population_register__relations.*,
        persons.person_id is not null as is_known_person,
        related_persons.person_id is not null as is_known_related_person,
        stg_population_register__relations.row_key
        > first_occurrences.first_row_key as is_repeated_key
    from stg_population_register__relations
    left join int_persons_registered as persons
        on stg_population_register__relations.person_id = persons.person_id
    left join int_persons_registered as related_persons
        on
            stg_population_register__relations.related_person_id
            = related_persons.person_id
    left join first_occurrences
        on
            stg_population_register__relations.person_id
            = first_occurrences.person_id
            and stg_population_register__relations.related_person_id
            = first_occurrences.related_person_id
            and stg_population_register__relations.relation_type
            = first_occurrences.relation_type

),

reasons_listed as (

    select
        *,
        {{ rejection_reasons([
            ('not is_known_person', 'unknown_person_id'),
            ('not is_known_related_person', 'unknown_related_person_id'),
            ('person_id = related_person_id', 'relation_to_self'),
            ("relation_type not in ('" ~ var('relation_types') | join("', '")
             ~ "') or relation_type is null", 'invalid_relation_type'),
            ('is_repeated_key', 'duplicate_key'),
        ]) }} as reason_list
    from relations_checked

),

final as (

    select
        row_key,
        source_row_number,
        person_id,
        related_person_id,
        relation_type,
        trim(trailing ';' from reason_list) as rejection_reasons,
        reason_list <> '' as is_rejected
    from reasons_listed

)

select * from final
