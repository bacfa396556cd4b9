{#- on-run-start: what an engine needs before the models run. -#}
{% macro prepare_engine() -%}
    {{ return(adapter.dispatch('prepare_engine', 'welfare_segments')()) }}
{%- endmacro %}

{% macro default__prepare_engine() -%}
    select 1 as engine_prepared
{%- endmacro %}

{#- DuckDB: the pseudonymisation pads must have been set by the project's
    plugin (profiles.yml), else every pseudonym would silently be null. -#}
{% macro duckdb__prepare_engine() -%}
    select
        case
            when getvariable('welfare_hmac_ipad') is null
                then error(
                    'welfare_hmac_ipad is not set: add the plugin '
                    || 'welfare_segments.dbt_duckdb_plugin to the profile'
                )
        end as engine_prepared
{%- endmacro %}

{#- PostgreSQL: pgcrypto for the keyed hash, and parse-or-null functions, since
    PostgreSQL has no try_cast and a bad value in the extract must not stop the
    build but be quarantined. -#}
{% macro postgres__prepare_engine() -%}
    create extension if not exists pgcrypto;
    create or replace function public.welfare_try_date(value text)
    returns date language plpgsql immutable as $$
    begin
        return value::date;
    exception when others then
        return null;
    end;
    $$;
    create or replace function public.welfare_try_double(value text)
    returns double precision language plpgsql immutable as $$
    begin
        return value::double precision;
    exception when others then
        return null;
    end;
    $$
{%- endmacro %}
