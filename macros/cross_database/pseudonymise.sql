{#- The keyed hash (HMAC-SHA256, first 32 hex characters) of a person id,
    identical on every engine. The key never enters SQL: each engine receives
    it (or its HMAC pads) as a session setting from the environment. -#}
{% macro pseudonymise(person_id) -%}
    {{ return(adapter.dispatch('pseudonymise', 'welfare_segments')(person_id)) }}
{%- endmacro %}

{% macro default__pseudonymise(person_id) -%}
    {{ exceptions.raise_compiler_error(
        "pseudonymise() has no implementation for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{#- PostgreSQL: pgcrypto's hmac() with the key from the session setting
    welfare.pseudonym_key (PGOPTIONS='-c welfare.pseudonym_key=...'); the
    public demo key only when it is unset, which check_pseudonym_key allows
    for synthetic data alone. -#}
{% macro postgres__pseudonymise(person_id) -%}
    left(encode(public.hmac(
        cast({{ person_id }} as text),
        coalesce(
            nullif(current_setting('welfare.pseudonym_key', true), ''),
            '{{ var("synthetic_demo_key") }}'
        ),
        'sha256'
    ), 'hex'), 32)
{%- endmacro %}

{#- DuckDB: HMAC from the pads that the project's dbt-duckdb plugin sets as
    session variables (welfare_segments.dbt_duckdb_plugin), with the native,
    vectorised sha256(). -#}
{% macro duckdb__pseudonymise(person_id) -%}
    left(sha256(
        getvariable('welfare_hmac_opad')
        || unhex(sha256(
            getvariable('welfare_hmac_ipad')
            || encode(cast({{ person_id }} as varchar))
        ))
    ), 32)
{%- endmacro %}

{#- Spark: HMAC-SHA256 in SQL from the key's inner and outer pads, which the
    session holds as settings (profile server_side_parameters); Spark
    substitutes them at run time, so they are not in the compiled SQL. -#}
{% macro spark__pseudonymise(person_id) -%}
    substr(sha2(concat(
        unhex('${spark.welfare.hmac_opad}'),
        unhex(sha2(concat(
            unhex('${spark.welfare.hmac_ipad}'),
            encode(cast({{ person_id }} as string), 'UTF-8')
        ), 256))
    ), 256), 1, 32)
{%- endmacro %}
