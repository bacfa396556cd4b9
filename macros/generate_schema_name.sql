{#- Use the folder's schema name as it is (staging, intermediate, restricted,
    analytics, reference), not prefixed with the target schema: analysts and
    grants address these schemas by name. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
