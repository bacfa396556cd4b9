{#- The keyed hash (HMAC-SHA256, 32 hex characters) of a person id. The key
    never enters SQL: on DuckDB the function welfare_pseudonym() is registered
    by the project's dbt-duckdb plugin (welfare_segments.dbt_duckdb_plugin),
    which reads WELFARE_PSEUDONYM_KEY in the engine's process. -#}
{% macro pseudonymise(person_id) -%}
    {{ return(adapter.dispatch('pseudonymise', 'welfare_segments')(person_id)) }}
{%- endmacro %}

{% macro default__pseudonymise(person_id) -%}
    {{ exceptions.raise_compiler_error(
        "pseudonymise() has no implementation for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{% macro duckdb__pseudonymise(person_id) -%}
    welfare_pseudonym(cast({{ person_id }} as varchar))
{%- endmacro %}
