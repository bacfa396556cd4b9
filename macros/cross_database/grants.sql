{#- Access by role (grants config of dbt_project.yml): PostgreSQL only. -#}

{#- on-run-start: the roles of the grants config must exist before dbt grants
    to them. Created without login: a municipality gives people membership (or
    a login role, as the test does for the analyst). -#}
{% macro create_grant_roles() -%}
    {{ return(adapter.dispatch('create_grant_roles', 'welfare_segments')()) }}
{%- endmacro %}

{% macro default__create_grant_roles() -%}
    select 1 as grant_roles_created
{%- endmacro %}

{% macro postgres__create_grant_roles() -%}
    {%- set roles = [] -%}
    {%- for node in (graph.get('nodes') or {}).values() -%}
        {%- for grantees in (node.config.get('grants') or {}).values() -%}
            {%- for role in ([grantees] if grantees is string else grantees) -%}
                {%- if role not in roles -%}{%- do roles.append(role) -%}{%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    select 1 as grant_roles_created
    {%- for role in roles %};
    do $$
    begin
        if not exists (select from pg_roles where rolname = '{{ role }}') then
            create role {{ adapter.quote(role) }} nologin;
        end if;
    end
    $$
    {%- endfor %}
{%- endmacro %}

{#- on-run-end: dbt grants select on relations only; a role also needs usage
    on the schema of each relation it may read. -#}
{% macro grant_schema_usage(results) -%}
    {{ return(adapter.dispatch('grant_schema_usage', 'welfare_segments')(results)) }}
{%- endmacro %}

{% macro default__grant_schema_usage(results) -%}
    select 1 as schema_usage_granted
{%- endmacro %}

{% macro postgres__grant_schema_usage(results) -%}
    {%- set usage = {} -%}
    {%- for result in results
        if result.node.resource_type in ('model', 'seed') and result.status in ('success', 'pass') -%}
        {%- for grantees in (result.node.config.get('grants') or {}).values() -%}
            {%- for role in ([grantees] if grantees is string else grantees) -%}
                {%- do usage.setdefault(result.node.schema, []).append(role) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    select 1 as schema_usage_granted
    {%- for schema, roles in usage.items() %};
    grant usage on schema {{ adapter.quote(schema) }} to
    {%- for role in roles | unique %} {{ adapter.quote(role) }}{{ ',' if not loop.last }}{% endfor %}
    {%- endfor %}
{%- endmacro %}

{#- DuckDB has no roles: the file itself is the unit of access (see the
    publish command). Local Spark sessions (the project's Spark target) have
    none either; a shared Spark server's access control is its own. -#}
{% macro duckdb__apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}

{% macro spark__apply_grants(relation, grant_config, should_revoke=True) -%}
{%- endmacro %}
