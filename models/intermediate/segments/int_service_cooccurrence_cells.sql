-- Service x service co-occurrence among complex citizens and among complex
-- families (the reports' method), before disclosure control: the diagonal is
-- the number receiving a service, the other cells the number receiving both.
-- The matrix is square over the municipal services that at least one complex
-- unit receives and the health indicators (macro
-- cooccurrence_health_indicators: acute admissions and contacts, anxiety or
-- depression, chronic conditions, substance abuse, psychiatry) that at least
-- one has, as in Stevns' workshop matrix; a pair and its mirror share one
-- cell id.
{%- set indicators = cooccurrence_health_indicators() %}
with

int_complex_units as (

    select * from {{ ref('int_complex_units') }}

),

int_unit_services as (

    select * from {{ ref('int_unit_services') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_units_described as (

    select * from {{ ref('int_units_described') }}

),

int_unit_conditions as (

    select * from {{ ref('int_unit_conditions') }}

),

item_names as (

    select
        function_number,
        service_name,
        service_name_da
    from function_catalogue
    {%- for code, name, name_da, condition, condition_code in indicators %}
        union all
        select
            '{{ code }}' as function_number,
            '{{ name }}' as service_name,
            '{{ name_da }}' as service_name_da
    {%- endfor %}

),

complex_units as (

    select
        population,
        unit_id,
        analysis_year
    from int_complex_units

),

unit_indicators as (

    {%- for code, name, name_da, condition, condition_code in indicators %}
        select
            population,
            unit_id,
            analysis_year,
            '{{ code }}' as function_number
        {%- if condition_code is none %}
            from int_units_described
            where {{ condition }}
        {%- else %}
            from int_unit_conditions
            where condition_code = '{{ condition_code }}'
        {%- endif %}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

complex_services as (

    select
        complex_units.population,
        complex_units.unit_id,
        complex_units.analysis_year,
        int_unit_services.function_number
    from complex_units
    inner join int_unit_services
        on
            complex_units.population = int_unit_services.population
            and complex_units.unit_id = int_unit_services.unit_id
            and complex_units.analysis_year = int_unit_services.analysis_year
    union all
    select
        complex_units.population,
        complex_units.unit_id,
        complex_units.analysis_year,
        unit_indicators.function_number
    from complex_units
    inner join unit_indicators
        on
            complex_units.population = unit_indicators.population
            and complex_units.unit_id = unit_indicators.unit_id
            and complex_units.analysis_year = unit_indicators.analysis_year

),

services_present as (

    select distinct
        population,
        analysis_year,
        function_number
    from complex_services

),

service_pairs as (

    select
        services_present.population,
        services_present.analysis_year,
        services_present.function_number,
        other_services.function_number as other_function_number
    from services_present
    inner join services_present as other_services
        on
            services_present.population = other_services.population
            and services_present.analysis_year = other_services.analysis_year

),

pairs_counted as (

    select
        complex_services.population,
        complex_services.analysis_year,
        complex_services.function_number,
        other_services.function_number as other_function_number,
        count(*) as n_units
    from complex_services
    inner join complex_services as other_services
        on
            complex_services.population = other_services.population
            and complex_services.unit_id = other_services.unit_id
            and complex_services.analysis_year = other_services.analysis_year
    group by
        complex_services.population,
        complex_services.analysis_year,
        complex_services.function_number,
        other_services.function_number

),

final as (

    select
        service_pairs.population,
        service_pairs.analysis_year,
        service_pairs.function_number,
        item_names.service_name,
        item_names.service_name_da,
        service_pairs.other_function_number,
        other_names.service_name as other_service_name,
        other_names.service_name_da as other_service_name_da,
        case
            when
                service_pairs.function_number
                <= service_pairs.other_function_number
                then {{ disclosure_cell_id([
                    "'cooccurrence'", 'service_pairs.population',
                    'service_pairs.analysis_year',
                    'service_pairs.function_number',
                    'service_pairs.other_function_number'
                ]) }}
            else {{ disclosure_cell_id([
                "'cooccurrence'", 'service_pairs.population',
                'service_pairs.analysis_year',
                'service_pairs.other_function_number',
                'service_pairs.function_number'
            ]) }}
        end as cell_id,
        {{ disclosure_cell_id([
            "'cooccurrence'", 'service_pairs.population',
            'service_pairs.analysis_year', 'service_pairs.function_number',
            'service_pairs.function_number'
        ]) }} as diagonal_cell_id,
        cast(coalesce(pairs_counted.n_units, 0) as {{ dbt.type_bigint() }})
            as n_units
    from service_pairs
    left join pairs_counted
        on
            service_pairs.population = pairs_counted.population
            and service_pairs.analysis_year = pairs_counted.analysis_year
            and service_pairs.function_number = pairs_counted.function_number
            and service_pairs.other_function_number
            = pairs_counted.other_function_number
    inner join item_names
        on service_pairs.function_number = item_names.function_number
    inner join item_names as other_names
        on service_pairs.other_function_number = other_names.function_number

)

select * from final
