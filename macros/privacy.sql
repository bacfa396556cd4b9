{#- on-run-start: one key check for every engine. An extract that is not
    marked synthetic (raw.extract_info: the loader marks it only when the
    generator's dataset.json says so and every file matches its hash) builds
    only with a key from WELFARE_PSEUDONYM_KEY of at least
    var pseudonym_key_min_length characters that is not the public demo key.
    On every extract the engine session's key material must be the
    environment's (md5 compared, so the key never enters a query), and the
    incremental tables must have been built with the same key. -#}
{% macro check_pseudonym_key() %}
    {%- if execute -%}
        {%- set key = env_var('WELFARE_PSEUDONYM_KEY', '') -%}
        {%- set problem = pseudonym_key_problem(key) -%}
        {%- if key == '' and not extract_is_synthetic() -%}
            {%- set problem = "WELFARE_PSEUDONYM_KEY is not set and the raw "
                ~ "extract is not marked synthetic (raw.extract_info)" -%}
        {%- endif -%}
        {%- if problem -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: " ~ problem ~ ". Person ids of real data "
                ~ "must be pseudonymised with a secret key: export "
                ~ "WELFARE_PSEUDONYM_KEY=<secret of at least "
                ~ var('pseudonym_key_min_length') ~ " characters> and build "
                ~ "again. The public demo key is only for data made by "
                ~ "`welfare-segments generate`."
            ) }}
        {%- endif -%}
        {%- if target.type == 'spark' and (
            env_var('WELFARE_SPARK_HMAC_IPAD', '') != ''
            or env_var('WELFARE_SPARK_HMAC_OPAD', '') != ''
        ) -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: WELFARE_SPARK_HMAC_IPAD/OPAD are set, but "
                ~ "Spark takes the key from WELFARE_PSEUDONYM_KEY alone; unset "
                ~ "them so no second copy of the key material exists."
            ) }}
        {%- endif -%}
        {%- set engine = run_query(
            'select ' ~ engine_key_md5() ~ ' as key_md5'
        ).rows[0][0] -%}
        {%- if engine != local_md5(key or var('synthetic_demo_key')) -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: the " ~ target.type ~ " session holds other "
                ~ "key material than WELFARE_PSEUDONYM_KEY"
                ~ (" (PostgreSQL reads it from PGOPTIONS=\"-c "
                   ~ "welfare.pseudonym_key=$WELFARE_PSEUDONYM_KEY\")"
                   if target.type == 'postgres' else '')
                ~ "; pseudonyms would not be those of the environment's key."
            ) }}
        {%- endif -%}
        {%- do check_incremental_key_fingerprints() -%}
        {%- do check_incremental_reference_fingerprints() -%}
    {%- endif -%}
    select 1 as pseudonym_key_checked
{% endmacro %}

{#- Why a key from the environment cannot be used, or an empty string. The
    characters are limited because Spark substitutes the key into a SQL
    string literal. -#}
{% macro pseudonym_key_problem(key) -%}
    {%- if key == '' -%}
        {{ return('') }}
    {%- elif key == var('synthetic_demo_key') -%}
        {{ return("WELFARE_PSEUDONYM_KEY is the public demo key") }}
    {%- elif key | length < var('pseudonym_key_min_length') -%}
        {{ return("WELFARE_PSEUDONYM_KEY has " ~ (key | length)
            ~ " characters, fewer than var pseudonym_key_min_length ("
            ~ var('pseudonym_key_min_length') ~ ")") }}
    {%- elif modules.re.fullmatch(
        '[A-Za-z0-9_.:;,!#%&()*+/<=>?@^|~-]+', key) is none -%}
        {{ return("WELFARE_PSEUDONYM_KEY may hold letters, digits and "
            ~ "_.:;,!#%&()*+/<=>?@^|~- only (no space, quote, backslash, "
            ~ "dollar or brace)") }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- True when every row of raw.extract_info marks the extract synthetic. -#}
{% macro extract_is_synthetic() -%}
    {%- set info = adapter.get_relation(
        database=target.database,
        schema=var('raw_schema', 'raw'),
        identifier='extract_info'
    ) -%}
    {%- if info is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set result = run_query(
        'select count(*) as n_rows, '
        ~ 'sum(case when is_synthetic then 1 else 0 end) as n_synthetic '
        ~ 'from ' ~ info
    ) -%}
    {{ return(result.rows[0][0] > 0
        and result.rows[0][0] == result.rows[0][1]) }}
{%- endmacro %}

{#- The fingerprint of the session's key: the keyed hash of a fixed text. It
    tells keys apart without revealing one. -#}
{% macro key_fingerprint() -%}
    {{ pseudonymise("'welfare-segments key fingerprint'") }}
{%- endmacro %}

{#- An incremental run keeps the months built earlier, with the pseudonyms of
    the key they were built with: refuse it when that key differs from the
    session's, since every person would be split in two. -#}
{% macro check_incremental_key_fingerprints() %}
    {%- if flags.FULL_REFRESH -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set current = run_query(
        'select ' ~ key_fingerprint() ~ ' as fingerprint'
    ).rows[0][0] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model'
        and node.config.materialized == 'incremental' -%}
        {%- set relation = incremental_table_built_otherwise(
            node, 'key_fingerprint', current
        ) -%}
        {%- if relation is not none -%}
            {{ exceptions.raise_compiler_error(
                "Refusing the incremental run: " ~ relation ~ " was built "
                ~ "with another pseudonymisation key (its key_fingerprint "
                ~ "differs from this session's key). Restore the key, or "
                ~ "rebuild everything with the new one: dbt build "
                ~ "--full-refresh."
            ) }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}

{#- A semicolon-separated list of the reasons whose condition is true, in the
    order given; an empty string when none applies. Each check is a
    (condition, reason) pair. -#}
{% macro rejection_reasons(checks) -%}
    {%- set parts = [] -%}
    {%- for condition, reason in checks -%}
        {%- do parts.append(
            "case when coalesce(" ~ condition ~ ", false) then '" ~ reason
            ~ ";' else '' end"
        ) -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
