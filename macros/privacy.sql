{#- on-run-start: refuse to build a non-synthetic extract without a
    pseudonymisation key. The loader marks an extract synthetic in
    raw.extract_info only when the generator's dataset.json says so. -#}
{% macro check_pseudonym_key() %}
    {%- if execute and env_var('WELFARE_PSEUDONYM_KEY', '') == '' -%}
        {%- set info = adapter.get_relation(
            database=target.database,
            schema=var('raw_schema', 'raw'),
            identifier='extract_info'
        ) -%}
        {%- set synthetic = false -%}
        {%- if info is not none -%}
            {%- set result = run_query(
                'select count(*) as n_rows, '
                ~ 'sum(case when is_synthetic then 1 else 0 end) as n_synthetic '
                ~ 'from ' ~ info
            ) -%}
            {%- set synthetic = result.rows[0][0] > 0
                and result.rows[0][0] == result.rows[0][1] -%}
        {%- endif -%}
        {%- if not synthetic -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: WELFARE_PSEUDONYM_KEY is not set and the raw "
                ~ "extract is not marked synthetic (raw.extract_info). Person ids "
                ~ "of real data must be pseudonymised with a secret key: export "
                ~ "WELFARE_PSEUDONYM_KEY=<secret> and build again. The public demo "
                ~ "key is only for data made by `welfare-segments generate`."
            ) }}
        {%- endif -%}
    {%- elif execute and target.type == 'postgres' -%}
        {#- the key must also reach the server's session (PGOPTIONS); compare
            digests so the key itself never enters a query -#}
        {%- set result = run_query(
            "select md5(coalesce(current_setting('welfare.pseudonym_key', true), ''))"
        ) -%}
        {%- if result.rows[0][0] != local_md5(env_var('WELFARE_PSEUDONYM_KEY')) -%}
            {{ exceptions.raise_compiler_error(
                "Refusing to build: WELFARE_PSEUDONYM_KEY is set but PostgreSQL's "
                ~ "session setting welfare.pseudonym_key differs. Export "
                ~ "PGOPTIONS=\"-c welfare.pseudonym_key=$WELFARE_PSEUDONYM_KEY\"."
            ) }}
        {%- endif -%}
    {%- endif -%}
    select 1 as pseudonym_key_checked
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
