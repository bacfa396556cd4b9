
-- Fixture for stg_population_register__relations
select cast(null as bigint) as "source_row_number", cast(null as text) as "person_id", cast(null as text) as "related_person_id", cast(null as text) as "relation_type"
    limit 0