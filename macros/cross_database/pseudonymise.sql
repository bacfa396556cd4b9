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

{#- Spark: HMAC-SHA256 in SQL, with the pads derived from the key inside
    the session: Spark substitutes ${env:WELFARE_PSEUDONYM_KEY} from the
    environment of dbt's own process when it parses the statement, so the key
    is not in the compiled SQL, and there are no pads to configure (or to
    differ from the key). The staging models are tables on Spark, because a
    view would store the substituted text in the metastore. -#}
{% macro spark__pseudonymise(person_id) -%}
    substr(sha2(concat(
        unhex({{ spark_hmac_pad(92) }}),
        unhex(sha2(concat(
            unhex({{ spark_hmac_pad(54) }}),
            encode(cast({{ person_id }} as string), 'UTF-8')
        ), 256))
    ), 256), 1, 32)
{%- endmacro %}

{#- The key as Spark SQL sees it: the environment's through Spark's variable
    substitution, or the public demo key when none is set (which the key
    check allows for an extract marked synthetic alone). -#}
{% macro spark_key_literal() -%}
    {#- env_var() at parse time would store the key's value in dbt's
        partial_parse.msgpack: read it only when executing -#}
    {%- if not execute or env_var('WELFARE_PSEUDONYM_KEY', '') != '' -%}
        '${env:WELFARE_PSEUDONYM_KEY}'
    {%- else -%}
        '{{ var("synthetic_demo_key") }}'
    {%- endif -%}
{%- endmacro %}

{#- An HMAC pad of the key as hex (pad_byte 54: inner, 92: outer): the key
    (or its sha256 when longer than 64 bytes) padded to 64 bytes and XOR-ed
    byte by byte. A scalar subquery, so Spark computes it once per query. -#}
{% macro spark_hmac_pad(pad_byte) -%}
    {%- set key = spark_key_literal() -%}
    (select array_join(transform(sequence(0, 63), i -> lpad(hex(
        cast(conv(substr(rpad(
            case
                when octet_length({{ key }}) > 64 then sha2({{ key }}, 256)
                else hex(encode({{ key }}, 'UTF-8'))
            end, 128, '0'
        ), 2 * i + 1, 2), 16, 10) as int) ^ {{ pad_byte }}
    ), 2, '0')), ''))
{%- endmacro %}

{#- The pseudonym of an address id: the same keyed hash, with the kind of id
    in front so an address and a person with the same text differ. -#}
{% macro pseudonymise_address(address_id) -%}
    {{ pseudonymise(dbt.concat(["'address|'", address_id])) }}
{%- endmacro %}

{#- md5 of the key material the engine's session holds, compared by
    check_pseudonym_key with the md5 of the environment's key. -#}
{% macro engine_key_md5() -%}
    {{ return(adapter.dispatch('engine_key_md5', 'welfare_segments')()) }}
{%- endmacro %}

{% macro default__engine_key_md5() -%}
    {{ exceptions.raise_compiler_error(
        "engine_key_md5() has no implementation for adapter " ~ adapter.type()
    ) }}
{%- endmacro %}

{#- DuckDB: set by the project's plugin from the key it derived the pads from. -#}
{% macro duckdb__engine_key_md5() -%}
    getvariable('welfare_key_md5')
{%- endmacro %}

{% macro postgres__engine_key_md5() -%}
    md5(coalesce(
        nullif(current_setting('welfare.pseudonym_key', true), ''),
        '{{ var("synthetic_demo_key") }}'
    ))
{%- endmacro %}

{% macro spark__engine_key_md5() -%}
    md5({{ spark_key_literal() }})
{%- endmacro %}
