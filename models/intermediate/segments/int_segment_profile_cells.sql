-- The cells of the profile sheet of every segment and sub-segment (the
-- reports' method), long format, before disclosure control: one row per
-- segment, year, section and item with its exact count and cost, the
-- largest single unit's share of the cost (for the dominance rule) and the
-- cell id that int_cells_withheld decides on. The segment's own size and cost
-- (summary / units) share the cell id of the overlap diagonal, so both are
-- withheld together. Unit level figures: never published as they are; the
-- mart segment_profiles publishes them through int_cells_withheld.
{%- set measures = regional_activity_measures() %}
{%- set area_columns = [] %}
{%- set cost_type_columns = [] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- if fact_column == 'cost_type' %}
        {%- do cost_type_columns.append((column_name, 'cost_type', value)) %}
    {%- else %}
        {%- do area_columns.append((column_name, fact_column[5:], value)) %}
    {%- endif %}
{%- endfor %}
{%- set summary_items = profile_summary_items() %}
{%- set top_services = var('profile_top_services') %}
{%- set distributions = profile_distributions() %}
{#- lines of one population's sheets only: (section, item or none for all,
    population) -#}
{%- set population_lines = [('summary', 'women', 'citizens')] %}
{%- for section, column, bounds, lowest, populations in distributions
    if populations | length == 1 %}
    {%- do population_lines.append((section, none, populations[0])) %}
{%- endfor %}
with

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

int_analysis_years as (

    select * from {{ ref('int_analysis_years') }}

),

int_segment_unit_costs as (

    select * from {{ ref('int_segment_unit_costs') }}

),

int_units_described as (

    select * from {{ ref('int_units_described') }}

),

int_unit_services as (

    select * from {{ ref('int_unit_services') }}

),

int_unit_conditions as (

    select * from {{ ref('int_unit_conditions') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

chronic_condition_codes as (

    select * from {{ ref('chronic_condition_codes') }}

),

area_vocabulary as (

    select * from {{ ref('area_vocabulary') }}

),

cost_types as (

    select * from {{ ref('cost_types') }}

),

condition_names as (

    -- the seed has a row per ICD-10 prefix
    select
        condition_code,
        min(condition_name) as condition_name,
        min(condition_name_da) as condition_name_da
    from chronic_condition_codes
    group by condition_code

),

segment_years as (

    -- every segment has a sheet every year, also when it has no members
    select
        segment_catalogue.segment_id,
        segment_catalogue.population,
        segment_catalogue.is_reference,
        int_analysis_years.analysis_year
    from segment_catalogue
    cross join int_analysis_years

),

members_described as (

    select
        int_segment_unit_costs.segment_id,
        int_segment_unit_costs.analysis_year,
        int_segment_unit_costs.unit_id,
        {%- for column in segment_columns()[4:] %}
            int_segment_unit_costs.{{ column }},
        {%- endfor %}
        int_units_described.population,
        -- the threshold of the line under_cost_threshold
        case
            when int_units_described.population = 'citizens'
                then {{ var('profile_cost_threshold')['citizens'] }}
            else {{ var('profile_cost_threshold')['families'] }}
        end as cost_threshold,
        int_units_described.age,
        int_units_described.is_woman,
        int_units_described.n_members,
        int_units_described.n_departments,
        int_units_described.is_single,
        int_units_described.is_single_provider,
        int_units_described.has_children,
        int_units_described.n_chronic_conditions,
        {%- for measure, measure_name, name_da, source, condition in measures %}
            int_units_described.n_{{ measure }},
        {%- endfor %}
        int_units_described.has_municipal_primary_care_and_hospital
    from int_segment_unit_costs
    inner join int_units_described
        on
            int_segment_unit_costs.population = int_units_described.population
            and int_segment_unit_costs.unit_id = int_units_described.unit_id
            and int_segment_unit_costs.analysis_year
            = int_units_described.analysis_year

),

segment_totals as (

    -- one wide row per segment and year; unpivoted below
    select
        segment_years.segment_id,
        segment_years.analysis_year,
        {%- for item, item_name, item_name_da, condition, cost_column,
            count_column in summary_items %}
            sum(
                case
                    when
                        members_described.unit_id is not null
                        and ({{ condition }})
                        then 1
                    else 0
                end
            ) as n_{{ item }},
            sum(
                case
                    when
                        members_described.unit_id is not null
                        and ({{ condition }})
                        then members_described.{{ cost_column }}
                    else 0
                end
            ) as cost_{{ item }},
            max(
                case
                    when
                        members_described.unit_id is not null
                        and ({{ condition }})
                        then abs(members_described.{{ cost_column }})
                end
            ) as largest_{{ item }},
            sum(
                case
                    when
                        members_described.unit_id is not null
                        and ({{ condition }})
                        then abs(members_described.{{ cost_column }})
                    else 0
                end
            ) as abs_{{ item }},
            {%- if count_column %}
                sum(
                    case
                        when
                            members_described.unit_id is not null
                            and ({{ condition }})
                            then members_described.{{ count_column }}
                        else 0
                    end
                ) as count_{{ item }},
            {%- endif %}
        {%- endfor %}
        {%- for column_name, vocabulary, area
            in area_columns + cost_type_columns %}
            sum(
                case
                    when members_described.{{ column_name }} > 0 then 1 else 0
                end
            ) as n_{{ column_name }},
            coalesce(sum(members_described.{{ column_name }}), 0)
                as cost_{{ column_name }},
            max(abs(members_described.{{ column_name }}))
                as largest_{{ column_name }},
            coalesce(sum(abs(members_described.{{ column_name }})), 0)
                as abs_{{ column_name }},
        {%- endfor %}
        {%- for measure, measure_name, name_da, source, condition in measures %}
            sum(
                case
                    when members_described.n_{{ measure }} > 0 then 1 else 0
                end
            ) as n_{{ measure }},
            sum(
                case
                    when members_described.n_{{ measure }} > 0
                        then members_described.total_cost
                    else 0
                end
            ) as cost_{{ measure }},
            max(
                case
                    when members_described.n_{{ measure }} > 0
                        then abs(members_described.total_cost)
                end
            ) as largest_{{ measure }},
            sum(
                case
                    when members_described.n_{{ measure }} > 0
                        then abs(members_described.total_cost)
                    else 0
                end
            ) as abs_{{ measure }},
            coalesce(sum(members_described.n_{{ measure }}), 0)
                as count_{{ measure }},
        {%- endfor %}
        count(members_described.unit_id) as segment_size,
        coalesce(sum(members_described.total_cost), 0) as segment_cost
    from segment_years
    left join members_described
        on
            segment_years.segment_id = members_described.segment_id
            and segment_years.analysis_year = members_described.analysis_year
    group by segment_years.segment_id, segment_years.analysis_year

),

totals_unpivoted as (

    {%- for item, item_name, item_name_da, condition, cost_column,
        count_column in summary_items %}
        select
            segment_id,
            analysis_year,
            'summary' as section,
            '{{ item }}' as item,
            '{{ item_name }}' as item_name,
            '{{ item_name_da }}' as item_name_da,
            {{ loop.index }} as item_rank,
            n_{{ item }} as n_units,
            cost_{{ item }} as total_cost,
            {{ 'count_' ~ item if count_column
                else 'cast(null as ' ~ dbt.type_bigint() ~ ')' }}
                as count_sum,
            largest_{{ item }} as largest_unit_cost,
            abs_{{ item }} as abs_cost_sum,
            '{{ cost_column }}' as cost_measure,
            cast(null as {{ dbt.type_string() }}) as top_list,
            cast(null as boolean) as is_complete_list
        from segment_totals
        union all
    {%- endfor %}
    {%- for column_name, vocabulary, area in area_columns %}
        select
            segment_totals.segment_id,
            segment_totals.analysis_year,
            'area_cost_{{ vocabulary }}' as section,
            '{{ area }}' as item,
            area_vocabulary.area_name as item_name,
            area_vocabulary.area_name_da as item_name_da,
            {{ loop.index }} as item_rank,
            segment_totals.n_{{ column_name }} as n_units,
            segment_totals.cost_{{ column_name }} as total_cost,
            cast(null as {{ dbt.type_bigint() }}) as count_sum,
            segment_totals.largest_{{ column_name }} as largest_unit_cost,
            segment_totals.abs_{{ column_name }} as abs_cost_sum,
            '{{ column_name }}' as cost_measure,
            cast(null as {{ dbt.type_string() }}) as top_list,
            cast(null as boolean) as is_complete_list
        from segment_totals
        inner join area_vocabulary
            on
                area_vocabulary.vocabulary = '{{ vocabulary }}'
                and area_vocabulary.area_code = '{{ area }}'
        union all
    {%- endfor %}
    {%- for column_name, fact_column, cost_type in cost_type_columns %}
        select
            segment_totals.segment_id,
            segment_totals.analysis_year,
            'cost_type' as section,
            '{{ cost_type }}' as item,
            cost_types.cost_type_name as item_name,
            cost_types.cost_type_name_da as item_name_da,
            {{ loop.index }} as item_rank,
            segment_totals.n_{{ column_name }} as n_units,
            segment_totals.cost_{{ column_name }} as total_cost,
            cast(null as {{ dbt.type_bigint() }}) as count_sum,
            segment_totals.largest_{{ column_name }} as largest_unit_cost,
            segment_totals.abs_{{ column_name }} as abs_cost_sum,
            '{{ column_name }}' as cost_measure,
            cast(null as {{ dbt.type_string() }}) as top_list,
            cast(null as boolean) as is_complete_list
        from segment_totals
        inner join cost_types
            on cost_types.cost_type = '{{ cost_type }}'
        union all
    {%- endfor %}
    {%- for measure, measure_name, name_da, source, condition in measures %}
        select
            segment_id,
            analysis_year,
            'regional_activity' as section,
            '{{ measure }}' as item,
            '{{ measure_name }}' as item_name,
            '{{ name_da }}' as item_name_da,
            {{ loop.index }} as item_rank,
            n_{{ measure }} as n_units,
            cost_{{ measure }} as total_cost,
            count_{{ measure }} as count_sum,
            largest_{{ measure }} as largest_unit_cost,
            abs_{{ measure }} as abs_cost_sum,
            'total_cost' as cost_measure,
            cast(null as {{ dbt.type_string() }}) as top_list,
            cast(null as boolean) as is_complete_list
        from segment_totals
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

distributions_counted as (

    {%- for section, column, bounds, lowest, populations in distributions %}
        select
            segment_id,
            analysis_year,
            '{{ section }}' as section,
            {{ band_label(column, bounds) }} as item,
            {{ band_label(column, bounds) }} as item_name,
            {{ band_rank(column, bounds) }} as item_rank,
            count(*) as n_units,
            sum(total_cost) as total_cost,
            cast(null as {{ dbt.type_bigint() }}) as count_sum,
            max(abs(total_cost)) as largest_unit_cost,
            sum(abs(total_cost)) as abs_cost_sum,
            'total_cost' as cost_measure
        from members_described
        group by
            segment_id,
            analysis_year,
            {{ band_label(column, bounds) }},
            {{ band_rank(column, bounds) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

band_grid as (

    -- every band of every distribution, so that a sheet lists the empty
    -- bands too (as 0): a band shown only when it has units would say that
    -- a withheld band holds at least one, and what every member of a small
    -- segment is like. The band below the first bound only where a value
    -- can be lower (costs; ages and counts start at 0, a family's size at
    -- family_min_members).
    {%- for section, column, bounds, lowest, populations in distributions %}
        {%- set outer_loop = loop %}
        {%- for rank, label in band_labels(bounds)
            if rank > 0 or lowest is none or lowest < bounds[0] %}
            select
                '{{ section }}' as section,
                {{ rank }} as item_rank,
                '{{ label }}' as item
            {%- if not (loop.last and outer_loop.last) %}
                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}

),

distributions as (

    select
        segment_years.segment_id,
        segment_years.analysis_year,
        band_grid.section,
        band_grid.item,
        band_grid.item as item_name,
        band_grid.item as item_name_da,
        band_grid.item_rank,
        coalesce(distributions_counted.n_units, 0) as n_units,
        coalesce(distributions_counted.total_cost, 0) as total_cost,
        cast(null as {{ dbt.type_bigint() }}) as count_sum,
        coalesce(distributions_counted.largest_unit_cost, 0)
            as largest_unit_cost,
        coalesce(distributions_counted.abs_cost_sum, 0) as abs_cost_sum,
        'total_cost' as cost_measure,
        cast(null as {{ dbt.type_string() }}) as top_list,
        cast(null as boolean) as is_complete_list
    from segment_years
    cross join band_grid
    left join distributions_counted
        on
            segment_years.segment_id = distributions_counted.segment_id
            and segment_years.analysis_year
            = distributions_counted.analysis_year
            and band_grid.section = distributions_counted.section
            and band_grid.item = distributions_counted.item

),

services_received as (

    select
        members_described.segment_id,
        members_described.analysis_year,
        int_unit_services.function_number,
        count(*) as n_units,
        sum(int_unit_services.service_cost) as total_cost,
        max(abs(int_unit_services.service_cost)) as largest_unit_cost,
        sum(abs(int_unit_services.service_cost)) as abs_cost_sum
    from members_described
    inner join int_unit_services
        on
            members_described.population = int_unit_services.population
            and members_described.unit_id = int_unit_services.unit_id
            and members_described.analysis_year
            = int_unit_services.analysis_year
    group by
        members_described.segment_id,
        members_described.analysis_year,
        int_unit_services.function_number

),

services_ranked as (

    -- the most frequent services (ties broken by cost, then function
    -- number) and the most expensive (ties broken by frequency, then
    -- function number)
    select
        services_received.*,
        row_number() over (
            partition by
                services_received.segment_id, services_received.analysis_year
            order by
                services_received.n_units desc,
                services_received.total_cost desc,
                services_received.function_number asc
        ) as frequency_rank,
        row_number() over (
            partition by
                services_received.segment_id, services_received.analysis_year
            order by
                services_received.total_cost desc,
                services_received.n_units desc,
                services_received.function_number asc
        ) as cost_rank,
        count(*) over (
            partition by
                services_received.segment_id, services_received.analysis_year
        ) as n_services_received
    from services_received

),

services_listed as (

    select
        *,
        case
            when
                frequency_rank <= {{ top_services }}
                and cost_rank <= {{ top_services }}
                then 'both'
            when frequency_rank <= {{ top_services }} then 'most_frequent'
            else 'most_expensive'
        end as top_list,
        count(*) over (partition by segment_id, analysis_year)
        = n_services_received as is_complete_list
    from services_ranked
    where
        frequency_rank <= {{ top_services }}
        or cost_rank <= {{ top_services }}

),

top_services as (

    select
        services_listed.segment_id,
        services_listed.analysis_year,
        'top_services' as section,
        services_listed.function_number as item,
        function_catalogue.service_name as item_name,
        function_catalogue.service_name_da as item_name_da,
        -- listed in the catalogue's order: a rank would bound a withheld
        -- count or cost between its published neighbours
        row_number() over (
            partition by
                services_listed.segment_id, services_listed.analysis_year
            order by services_listed.function_number
        ) as item_rank,
        services_listed.n_units,
        services_listed.total_cost,
        cast(null as {{ dbt.type_bigint() }}) as count_sum,
        services_listed.largest_unit_cost,
        services_listed.abs_cost_sum,
        'service_cost' as cost_measure,
        services_listed.top_list,
        services_listed.is_complete_list
    from services_listed
    inner join function_catalogue
        on services_listed.function_number = function_catalogue.function_number

),

conditions_present as (

    select
        members_described.segment_id,
        members_described.analysis_year,
        int_unit_conditions.condition_code,
        count(*) as n_units,
        sum(members_described.total_cost) as total_cost,
        max(abs(members_described.total_cost)) as largest_unit_cost,
        sum(abs(members_described.total_cost)) as abs_cost_sum
    from members_described
    inner join int_unit_conditions
        on
            members_described.population = int_unit_conditions.population
            and members_described.unit_id = int_unit_conditions.unit_id
            and members_described.analysis_year
            = int_unit_conditions.analysis_year
    group by
        members_described.segment_id,
        members_described.analysis_year,
        int_unit_conditions.condition_code

),

conditions_counted as (

    -- every chronic condition on every sheet, 0 where no unit has it (as
    -- for the bands: a line shown only when present would say it is 1 or
    -- more)
    select
        segment_years.segment_id,
        segment_years.analysis_year,
        'chronic_conditions' as section,
        condition_names.condition_code as item,
        condition_names.condition_name as item_name,
        condition_names.condition_name_da as item_name_da,
        cast(null as {{ dbt.type_int() }}) as item_rank,
        coalesce(conditions_present.n_units, 0) as n_units,
        coalesce(conditions_present.total_cost, 0) as total_cost,
        cast(null as {{ dbt.type_bigint() }}) as count_sum,
        coalesce(conditions_present.largest_unit_cost, 0)
            as largest_unit_cost,
        coalesce(conditions_present.abs_cost_sum, 0) as abs_cost_sum,
        'total_cost' as cost_measure,
        cast(null as {{ dbt.type_string() }}) as top_list,
        cast(null as boolean) as is_complete_list
    from segment_years
    cross join condition_names
    left join conditions_present
        on
            segment_years.segment_id = conditions_present.segment_id
            and segment_years.analysis_year = conditions_present.analysis_year
            and condition_names.condition_code
            = conditions_present.condition_code

),

profile_rows as (

    select * from totals_unpivoted
    union all
    select * from distributions
    union all
    select * from top_services
    union all
    select * from conditions_counted

),

final as (

    select
        profile_rows.segment_id,
        segment_years.population,
        profile_rows.analysis_year,
        profile_rows.section,
        profile_rows.item,
        profile_rows.item_name,
        profile_rows.item_name_da,
        profile_rows.item_rank,
        case
            when
                profile_rows.section = 'summary'
                and profile_rows.item = 'units'
                then {{ segment_cell_id(
                    'profile_rows.segment_id', 'profile_rows.analysis_year'
                ) }}
            else {{ disclosure_cell_id([
                "'profile'", 'profile_rows.segment_id',
                'profile_rows.analysis_year', 'profile_rows.section',
                'profile_rows.item'
            ]) }}
        end as cell_id,
        {{ segment_cell_id(
            'profile_rows.segment_id', 'profile_rows.analysis_year'
        ) }} as segment_cell_id,
        cast(profile_rows.n_units as {{ dbt.type_bigint() }}) as n_units,
        profile_rows.total_cost,
        profile_rows.count_sum,
        coalesce(profile_rows.largest_unit_cost, 0) as largest_unit_cost,
        coalesce(profile_rows.abs_cost_sum, 0) as abs_cost_sum,
        profile_rows.cost_measure,
        profile_rows.top_list,
        profile_rows.is_complete_list,
        cast(segment_totals.segment_size as {{ dbt.type_bigint() }})
            as segment_size,
        segment_totals.segment_cost
    from profile_rows
    inner join segment_totals
        on
            profile_rows.segment_id = segment_totals.segment_id
            and profile_rows.analysis_year = segment_totals.analysis_year
    inner join segment_years
        on
            profile_rows.segment_id = segment_years.segment_id
            and profile_rows.analysis_year = segment_years.analysis_year
    -- a whole population's sheet is its summary and costs by area and type
    -- (population_summary): its distributions, services and conditions would
    -- only give more to subtract the segments from
    where
        (
            not segment_years.is_reference
            or profile_rows.section in ('summary', 'cost_type')
            or profile_rows.section like 'area_cost_%'
        )
        -- a line of one population's sheets only (women: a citizen's sex;
        -- the family size) is not on the other's
        {%- for section, item, population in population_lines %}
            and not (
                profile_rows.section = '{{ section }}'
                {%- if item %}
                    and profile_rows.item = '{{ item }}'
                {%- endif %}
                and segment_years.population != '{{ population }}'
            )
        {%- endfor %}

)

select * from final
