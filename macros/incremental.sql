{#- Config of the monthly incremental models: each run reprocesses the latest
    month already built and every later one, and keeps the earlier months.
    DuckDB and PostgreSQL replace those months with delete+insert on the month
    column; Spark overwrites their partitions (merge needs Delta or Iceberg,
    which are not available here). -#}
{% macro monthly_incremental_config(month_column='booking_month') -%}
    {%- if target.type == 'spark' -%}
        {{ return({
            'materialized': 'incremental',
            'incremental_strategy': 'insert_overwrite',
            'partition_by': [month_column],
            'on_schema_change': 'fail',
        }) }}
    {%- else -%}
        {{ return({
            'materialized': 'incremental',
            'incremental_strategy': 'delete+insert',
            'unique_key': month_column,
            'on_schema_change': 'fail',
        }) }}
    {%- endif -%}
{%- endmacro %}

{#- The month of a date as yyyymm, 0 when the date did not parse (those rows
    are reprocessed on every run). -#}
{% macro booking_month(date_column) -%}
    coalesce(
        cast(
            extract(year from {{ date_column }}) * 100
            + extract(month from {{ date_column }})
            as integer
        ),
        0
    )
{%- endmacro %}

{#- In an incremental run: the months from the latest one built on, the rows
    without a parseable date, and every earlier month whose rows changed since
    it was built (a row of `source` whose row_key the built month lacks, or a
    built row that `source` no longer has, in that month): a correction or a
    late posting in an old month rebuilds that month. -#}
{% macro new_months_only(month_column, source, analysis_year_flag=none,
    follows_source_runs=false) -%}
    {%- if is_incremental() %}
    where
        {{ month_column }} = 0
        {%- if analysis_year_flag %}
        -- a month whose year joined or left the analysis years since it was
        -- built (a year becomes one when the extract reaches into it)
        or {{ month_column }} in (
            select built.{{ month_column }}
            from {{ this }} as built
            left join {{ ref('int_analysis_years') }} as analysis_years
                on
                    cast(floor(built.{{ month_column }} / 100) as integer)
                    = analysis_years.analysis_year
            where
                built.{{ month_column }} > 0
                and built.{{ analysis_year_flag }}
                <> (analysis_years.analysis_year is not null)
        )
        {%- endif %}
        {%- if follows_source_runs %}
        -- every month the source rebuilt in this run
        or {{ month_column }} in (
            select rebuilt.{{ month_column }}
            from {{ source }} as rebuilt
            where rebuilt.dbt_invocation_id = '{{ invocation_id }}'
        )
        {%- endif %}
        or {{ month_column }} >= (
            select coalesce(max(built.{{ month_column }}), 0)
            from {{ this }} as built
            where built.{{ month_column }} > 0
        )
        or {{ month_column }} in (
            select coalesce(current_rows.row_month, built_rows.row_month)
            from (
                select
                    row_key,
                    {{ month_column }} as row_month
                from {{ source }}
            ) as current_rows
            full outer join (
                select
                    row_key,
                    {{ month_column }} as row_month
                from {{ this }}
            ) as built_rows
                on
                    current_rows.row_key = built_rows.row_key
                    and current_rows.row_month = built_rows.row_month
            where current_rows.row_key is null or built_rows.row_key is null
        )
    {%- endif %}
{%- endmacro %}

{#- The CTEs every monthly incremental model starts with: first_occurrences
    (the first row of each key over the whole extract, so a key repeated from
    an earlier month is still a duplicate), rows_with_month and new_rows (the
    rows of the months this run processes). -#}
{% macro monthly_new_rows(source_cte, key_column, date_column, month_column) -%}
first_occurrences as (

    -- over every row of the extract, also in an incremental run
    select
        {{ key_column }},
        min(row_key) as first_row_key
    from {{ source_cte }}
    group by {{ key_column }}

),

rows_with_month as (

    select
        *,
        {{ booking_month(date_column) }} as {{ month_column }}
    from {{ source_cte }}

),

new_rows as (

    select * from rows_with_month
    {{ new_months_only(month_column, 'rows_with_month', 'is_in_analysis_years') }}

),
{%- endmacro %}

{#- True for a row whose key already occurred earlier in the extract (needs
    the first_occurrences CTE of monthly_new_rows, joined on the key). -#}
{% macro is_repeated_key() -%}
    new_rows.row_key > coalesce(
        first_occurrences.first_row_key, new_rows.row_key
    )
{%- endmacro %}

{#- A row's identity by its content, not its position in the file: a hash of
    all contract columns (null-safe, so null and '' differ), computed once in
    a CTE of its own (row_content_hash), plus the occurrence number among
    byte-identical rows (row_key), so exact copies stay distinct. A re-export
    in another order gives the same keys. -#}
{% macro row_content_hash(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- if not loop.first %}{% do parts.append("'|'") %}{% endif -%}
        {%- do parts.append(
            "coalesce(cast(" ~ column ~ " as " ~ dbt.type_string()
            ~ "), '~null~')"
        ) -%}
    {%- endfor -%}
    {#- keyed: an unkeyed hash of a row that holds a raw person id could be
        reversed by trying every id -#}
    {{ pseudonymise(dbt.concat(parts)) }}
{%- endmacro %}

{% macro row_key(content_hash) -%}
    {{ dbt.concat([
        content_hash,
        "'-'",
        "cast(row_number() over (partition by " ~ content_hash
        ~ " order by " ~ content_hash ~ ") as " ~ dbt.type_string() ~ ")",
    ]) }}
{%- endmacro %}

{#- The seeds a node reads, directly or through the models it reads. -#}
{% macro upstream_seeds(unique_id) -%}
    {%- set seen = {} -%}
    {%- set queue = [unique_id] -%}
    {%- for current in queue -%}
        {%- set parents = graph.nodes[current].get('depends_on', {})
            .get('nodes', []) -%}
        {%- for parent in parents
            if parent not in seen and parent in graph.nodes -%}
            {%- do seen.update({parent: true}) -%}
            {%- do queue.append(parent) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set seeds = [] -%}
    {%- for name in seen.keys() | sort if name.startswith('seed.') -%}
        {%- do seeds.append(name) -%}
    {%- endfor -%}
    {{ return(seeds) }}
{%- endmacro %}

{#- The fingerprint of the reference data (the seeds) a model reads, from
    their checksums (upstream_seeds): the months an incremental model keeps
    were classified with it. Empty while dbt parses and in a unit test. -#}
{% macro reference_fingerprint(unique_id) -%}
    {%- if not execute or unique_id not in graph.nodes -%}
        {{ return('') }}
    {%- endif -%}
    {%- set checksums = [] -%}
    {%- for name in upstream_seeds(unique_id) -%}
        {%- do checksums.append(
            name ~ '=' ~ graph.nodes[name].checksum.checksum
        ) -%}
    {%- endfor -%}
    {{ return(local_md5(checksums | join(';'))) }}
{%- endmacro %}

{#- An incremental model's table whose rows were not all built with the
    expected value of a fingerprint column (or that predates the column):
    the relation, or none. One row is enough to tell. -#}
{% macro incremental_table_built_otherwise(node, column, expected) -%}
    {%- set relation = adapter.get_relation(
        database=node.database, schema=node.schema, identifier=node.alias
    ) -%}
    {%- if relation is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(relation)
        | map(attribute='name') | map('lower') | list -%}
    {%- if column in columns and run_query(
        'select 1 as built_otherwise from ' ~ relation ~ ' where ' ~ column
        ~ " <> '" ~ expected ~ "' or " ~ column ~ ' is null limit 1'
    ).rows | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- on-run-start: an incremental run keeps the months built earlier, with the
    reference data of then (a function re-mapped in the catalogue, a grouping
    added); refuse it when a seed an incremental model reads has changed
    since, so old and new months never mix two catalogues. -#}
{% macro check_incremental_reference_fingerprints() %}
    {%- if flags.FULL_REFRESH or not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model'
        and node.config.materialized == 'incremental' -%}
        {%- set relation = incremental_table_built_otherwise(
            node, 'reference_fingerprint', reference_fingerprint(node.unique_id)
        ) -%}
        {%- if relation is not none -%}
            {%- set seeds = [] -%}
            {%- for name in upstream_seeds(node.unique_id) -%}
                {%- do seeds.append(name.split('.')[-1]) -%}
            {%- endfor -%}
            {{ exceptions.raise_compiler_error(
                "Refusing the incremental run: " ~ relation ~ " keeps "
                ~ "months built with other reference data than the "
                ~ "seeds of now (one of " ~ seeds | join(', ') ~ " changed, "
                ~ "or the table predates the check); rebuild them all: "
                ~ "dbt build --full-refresh."
            ) }}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
