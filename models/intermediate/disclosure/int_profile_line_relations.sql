-- The equations within one segment's profile sheet (see
-- int_disclosure_relations, which adds those across segments and marts): one
-- row per group and cell, the group's whole and its parts.
{%- set band_sections = [] %}
{%- for section, column, bounds, lowest, populations
    in profile_distributions() %}
    {%- do band_sections.append("'" ~ section ~ "'") %}
{%- endfor %}
{%- set age_shares = var('profile_age_shares') %}
{%- set disjoint_summary_items = [
    ('ages', ['under_' ~ age_shares['young_below'],
        'over_' ~ age_shares['old_from']]),
    ('chronic', ['one_chronic_condition', 'several_chronic_conditions']),
] %}
{%- set distribution_bounds = {} %}
{%- for section, column, bounds, lowest, populations
    in profile_distributions() %}
    {%- do distribution_bounds.update({section: bounds}) %}
{%- endfor %}
{%- set age_bounds = distribution_bounds['age_band'] %}
{%- set cost_bounds = distribution_bounds['cost_band'] %}
{%- set threshold = var('profile_cost_threshold') %}
{#- Summary lines that are a union of bands (when their bound is a band's):
    (item, section, condition on the band's bounds, populations). -#}
{%- set union_lines = [] %}
{%- if age_shares['young_below'] in age_bounds %}
    {%- do union_lines.append(('under_' ~ age_shares['young_below'], 'age_band',
        'band_upper <= ' ~ age_shares['young_below'], ['citizens', 'families'])) %}
{%- endif %}
{%- if age_shares['old_from'] in age_bounds %}
    {%- do union_lines.append(('over_' ~ age_shares['old_from'], 'age_band',
        'band_lower >= ' ~ age_shares['old_from'], ['citizens', 'families'])) %}
{%- endif %}
{%- for population in ['citizens', 'families'] %}
    {%- if threshold[population] in cost_bounds %}
        {%- do union_lines.append(('under_cost_threshold', 'cost_band',
            'band_upper <= ' ~ threshold[population], [population])) %}
    {%- endif %}
{%- endfor %}
{#- the sections of a sheet's costs by service, area and cost type -#}
{%- set cost_sections = ['top_services'] %}
{%- for column_name, fact_column, value in cost_breakdown_columns() %}
    {%- set section = 'cost_type' if fact_column == 'cost_type'
        else 'area_cost_' ~ fact_column[5:] %}
    {%- if section not in cost_sections %}
        {%- do cost_sections.append(section) %}
    {%- endif %}
{%- endfor %}
with

int_segment_profile_cells as (

    select * from {{ ref('int_segment_profile_cells') }}

),

area_vocabulary as (

    select * from {{ ref('area_vocabulary') }}

),

function_catalogue as (

    select * from {{ ref('function_catalogue') }}

),

int_profile_remainder_cells as (

    select * from {{ ref('int_profile_remainder_cells') }}

),

int_profile_cells_fixed as (

    select * from {{ ref('int_profile_cells_fixed') }}

),

int_cost_line_differences as (

    select * from {{ ref('int_cost_line_differences') }}

),

int_cost_line_classes as (

    select * from {{ ref('int_cost_line_classes') }}

),

profile_lines as (

    -- every line but the segment's own size and cost
    select * from int_segment_profile_cells
    where cell_id != segment_cell_id

),

bands_in_segment as (

    -- the bands of a distribution add up to the segment
    select distinct
        {{ disclosure_cell_id(["'bands'", 'segment_cell_id', 'section']) }}
            as group_id,
        'set' as group_kind,
        segment_cell_id as cell_id,
        'whole' as cell_role
    from profile_lines
    where section in ({{ band_sections | join(', ') }})
    union all
    select
        {{ disclosure_cell_id(["'bands'", 'segment_cell_id', 'section']) }}
            as group_id,
        'set' as group_kind,
        cell_id,
        'part' as cell_role
    from profile_lines
    where section in ({{ band_sections | join(', ') }})

),

lines_in_segment as (

    -- every other line counts some of the segment's units
    select
        {{ disclosure_cell_id(["'in_segment'", 'cell_id']) }} as group_id,
        case when cost_measure = 'total_cost' then 'set' else 'count' end
            as group_kind,
        segment_cell_id as cell_id,
        'whole' as cell_role
    from profile_lines
    where section not in ({{ band_sections | join(', ') }})
    union all
    select
        {{ disclosure_cell_id(["'in_segment'", 'cell_id']) }} as group_id,
        case when cost_measure = 'total_cost' then 'set' else 'count' end
            as group_kind,
        cell_id,
        'part' as cell_role
    from profile_lines
    where section not in ({{ band_sections | join(', ') }})

),

band_bounds as (

    -- each band's bounds (lower inclusive, upper exclusive; null: open)
    {%- for section, bounds in distribution_bounds.items() %}
        {%- set outer_loop = loop %}
        {%- for rank in range(bounds | length + 1) %}
            select
                '{{ section }}' as section,
                {{ rank }} as item_rank,
                {{ bounds[rank - 1] if rank > 0 else 'null' }} as band_lower,
                {{ bounds[rank] if rank < bounds | length else 'null' }}
                    as band_upper
            {%- if not (loop.last and outer_loop.last) %}
                union all
            {%- endif %}
        {%- endfor %}
    {%- endfor %}

),

bands_with_bounds as (

    select
        profile_lines.*,
        band_bounds.band_lower,
        band_bounds.band_upper
    from profile_lines
    inner join band_bounds
        on
            profile_lines.section = band_bounds.section
            and profile_lines.item_rank = band_bounds.item_rank

),

union_lines as (

    -- a line that is the union of some bands: the line against those bands,
    -- and the segment against the line and the other bands
    {%- for item, section, inside, populations in union_lines %}
        {%- set population_list = "'" ~ populations | join("', '") ~ "'" %}
        select
            {{ disclosure_cell_id(["'union_line'", 'line_cells.cell_id']) }}
                as group_id,
            line_cells.cell_id,
            'whole' as cell_role,
            'line' as union_member
        from profile_lines as line_cells
        where
            line_cells.section = 'summary'
            and line_cells.item = '{{ item }}'
            and line_cells.population in ({{ population_list }})
        union all
        select
            {{ disclosure_cell_id(["'union_line'", 'line_cells.cell_id']) }}
                as group_id,
            band_cells.cell_id,
            'part' as cell_role,
            case
                when {{ inside }} then 'inside' else 'outside'
            end as union_member
        from profile_lines as line_cells
        inner join bands_with_bounds as band_cells
            on
                line_cells.segment_cell_id = band_cells.segment_cell_id
                and band_cells.section = '{{ section }}'
        where
            line_cells.section = 'summary'
            and line_cells.item = '{{ item }}'
            and line_cells.population in ({{ population_list }})
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
    {%- if union_lines | length == 0 %}
        select
            cast(null as {{ dbt.type_string() }}) as group_id,
            cast(null as {{ dbt.type_string() }}) as cell_id,
            cast(null as {{ dbt.type_string() }}) as cell_role,
            cast(null as {{ dbt.type_string() }}) as union_member
        from profile_lines
        where false
    {%- endif %}

),

lines_as_unions as (

    select
        group_id,
        'set' as group_kind,
        cell_id,
        cell_role
    from union_lines
    where union_member in ('line', 'inside')
    union all
    -- the segment is the line and the bands outside it
    select
        {{ disclosure_cell_id(["'union_rest'", 'union_lines.group_id']) }}
            as group_id,
        'set' as group_kind,
        case
            when union_lines.union_member = 'line'
                then segment_lines.segment_cell_id
            else union_lines.cell_id
        end as cell_id,
        case
            when union_lines.union_member = 'line' then 'whole' else 'part'
        end as cell_role
    from union_lines
    inner join profile_lines as segment_lines
        on union_lines.cell_id = segment_lines.cell_id
    where union_lines.union_member in ('line', 'outside')
    union all
    select
        {{ disclosure_cell_id(["'union_rest'", 'union_lines.group_id']) }}
            as group_id,
        'set' as group_kind,
        union_lines.cell_id,
        'part' as cell_role
    from union_lines
    where union_lines.union_member = 'line'
    {%- if age_shares['young_below'] in age_bounds
        and age_shares['old_from'] in age_bounds %}
        union all
        -- the segment is the young, the bands between and the old
        select distinct
            {{ disclosure_cell_id(["'ages_union'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            segment_cell_id as cell_id,
            'whole' as cell_role
        from bands_with_bounds
        where section = 'age_band'
        union all
        select
            {{ disclosure_cell_id(["'ages_union'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            cell_id,
            'part' as cell_role
        from profile_lines
        where
            section = 'summary'
            and item in (
                'under_{{ age_shares["young_below"] }}',
                'over_{{ age_shares["old_from"] }}'
            )
        union all
        select
            {{ disclosure_cell_id(["'ages_union'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            cell_id,
            'part' as cell_role
        from bands_with_bounds
        where
            section = 'age_band'
            and band_lower >= {{ age_shares['young_below'] }}
            and band_upper <= {{ age_shares['old_from'] }}
    {%- endif %}

),

top_service_lines as (

    select * from profile_lines
    where section = 'top_services'

),

complete_lists as (

    -- the sheets whose list of top services holds every service the
    -- segment's units receive
    select distinct segment_cell_id
    from top_service_lines
    where is_complete_list

),

regional_cost_types as (

    select distinct cost_type
    from function_catalogue
    where sector = 'regional'

),

value_sum_wholes as (

    -- figures that add up to a sum of values over a segment's units (the
    -- number of services, departments, areas or chronic conditions of each
    -- unit): the services and the departments behind the means (mean_count
    -- x units); the top services when
    -- the list holds all of them; the units with a cost in each municipal
    -- area of the area vocabulary that n_areas counts (is_counted_area); the
    -- units with each chronic condition
    select
        segment_cell_id,
        'services' as value_source,
        {{ disclosure_cell_id(['cell_id', "'count_sum'"]) }} as cell_id
    from profile_lines
    where section = 'summary' and item = 'municipal_services'
    union all
    select
        segment_cell_id,
        'departments' as value_source,
        {{ disclosure_cell_id(['cell_id', "'count_sum'"]) }} as cell_id
    from profile_lines
    where section = 'summary' and item = 'departments'
    union all
    select
        segment_cell_id,
        'listed_services' as value_source,
        cell_id
    from top_service_lines
    where is_complete_list
    union all
    select
        profile_lines.segment_cell_id,
        'areas' as value_source,
        profile_lines.cell_id
    from profile_lines
    inner join area_vocabulary
        on
            profile_lines.section
            = {{ dbt.concat(["'area_cost_'", 'area_vocabulary.vocabulary']) }}
            and profile_lines.item = area_vocabulary.area_code
    where
        area_vocabulary.vocabulary = '{{ var('area_vocabulary') }}'
        and area_vocabulary.is_counted_area
    union all
    select
        segment_cell_id,
        'chronic_conditions' as value_source,
        cell_id
    from profile_lines
    where section = 'chronic_conditions'

),

value_band_sections as (

    -- the bands that count units by the value each sum adds up
    select
        'services' as value_source,
        'services_band' as part_section
    union all
    select
        'listed_services' as value_source,
        'services_band' as part_section
    union all
    select
        'departments' as value_source,
        'departments_band' as part_section
    union all
    select
        'areas' as value_source,
        'areas_band' as part_section

),

value_sum_parts as (

    -- the lines that count units by that value
    select
        profile_lines.segment_cell_id,
        value_band_sections.value_source,
        profile_lines.cell_id
    from profile_lines
    inner join value_band_sections
        on profile_lines.section = value_band_sections.part_section
    union all
    select
        segment_cell_id,
        'chronic_conditions' as value_source,
        cell_id
    from profile_lines
    where
        section = 'summary'
        and item in ('one_chronic_condition', 'several_chronic_conditions')

),

value_sums as (

    select distinct
        segment_cell_id,
        value_source
    from value_sum_wholes

),

value_sums_over_bands as (

    -- such a sum with the segment's size gives back withheld counts of the
    -- lines by that value (two equations, two unknowns): one figure of the
    -- sum is withheld with any of them
    select distinct
        {{ disclosure_cell_id([
            "'values'", 'value_source', 'segment_cell_id'
        ]) }} as group_id,
        'values' as group_kind,
        cell_id,
        'whole' as cell_role
    from value_sum_wholes
    union all
    select
        {{ disclosure_cell_id([
            "'values'", 'value_sum_parts.value_source',
            'value_sum_parts.segment_cell_id'
        ]) }} as group_id,
        'values' as group_kind,
        value_sum_parts.cell_id,
        'part' as cell_role
    from value_sum_parts
    inner join value_sums
        on
            value_sum_parts.segment_cell_id = value_sums.segment_cell_id
            and value_sum_parts.value_source = value_sums.value_source

),

disjoint_lines_in_segment as (

    {%- for name, items in disjoint_summary_items %}
        select distinct
            {{ disclosure_cell_id(["'" ~ name ~ "'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            segment_cell_id as cell_id,
            'whole' as cell_role
        from profile_lines
        where
            section = 'summary'
            and item in (
                {%- for item in items %}
                    '{{ item }}'{% if not loop.last %},{% endif %}
                {%- endfor %}
            )
        union all
        select
            {{ disclosure_cell_id(["'" ~ name ~ "'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            cell_id,
            'part' as cell_role
        from profile_lines
        where
            section = 'summary'
            and item in (
                {%- for item in items %}
                    '{{ item }}'{% if not loop.last %},{% endif %}
                {%- endfor %}
            )
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

no_service_lines as (

    -- the units without a municipal service are those without a cost in
    -- any area: the first band of services_band and of areas_band (when
    -- the count bands start 0, 1) hold the same units
    {%- set count_bounds = var('profile_count_bands') %}
    {%- if count_bounds[:2] == [0, 1] %}
        select
            {{ disclosure_cell_id(["'no_services'", 'segment_cell_id']) }}
                as group_id,
            'set' as group_kind,
            cell_id,
            case
                when section = 'services_band' then 'whole' else 'part'
            end as cell_role
        from profile_lines
        where
            section in ('services_band', 'areas_band')
            and item_rank = 1
    {%- else %}
        select
            cast(null as {{ dbt.type_string() }}) as group_id,
            cast(null as {{ dbt.type_string() }}) as group_kind,
            cast(null as {{ dbt.type_string() }}) as cell_id,
            cast(null as {{ dbt.type_string() }}) as cell_role
        from profile_lines
        where false
    {%- endif %}

),

sector_lines as (

    select
        segment_cell_id,
        item as sector_item,
        cell_id
    from profile_lines
    where section = 'summary' and item in ('municipal_cost', 'regional_cost')

),

cost_part_lines as (

    -- the costs by cost type and municipal plus regional add up to the
    -- segment's cost; the areas of each vocabulary of a sector to the
    -- sector's cost (an area vocabulary without a published regional area
    -- adds up to the municipal cost, not the segment's)
    select
        profile_lines.segment_cell_id,
        profile_lines.cell_id,
        {{ dbt.concat([
            'profile_lines.section', "'|'", 'area_vocabulary.sector'
        ]) }} as part_set,
        sector_lines.cell_id as whole_cell_id
    from profile_lines
    inner join area_vocabulary
        on
            profile_lines.section
            = {{ dbt.concat(["'area_cost_'", 'area_vocabulary.vocabulary']) }}
            and profile_lines.item = area_vocabulary.area_code
    inner join sector_lines
        on
            profile_lines.segment_cell_id = sector_lines.segment_cell_id
            and sector_lines.sector_item
            = {{ dbt.concat(['area_vocabulary.sector', "'_cost'"]) }}
    union all
    select
        segment_cell_id,
        cell_id,
        case when section = 'summary' then 'sector' else section end
            as part_set,
        segment_cell_id as whole_cell_id
    from profile_lines
    where
        section = 'cost_type'
        or (
            section = 'summary'
            and item in ('municipal_cost', 'regional_cost')
        )
    union all
    -- a complete list of top services: the services of an area (or of a cost
    -- type) add up to its cost, as long as no unit's net cost of a function is
    -- negative, which an outsider may assume
    {%- set service_columns = [] %}
    {%- for column_name, fact_column, value in cost_breakdown_columns() %}
        {%- if fact_column not in service_columns %}
            {%- do service_columns.append(fact_column) %}
        {%- endif %}
    {%- endfor %}
    {%- for fact_column in service_columns %}
        {%- set section = 'cost_type' if fact_column == 'cost_type'
            else 'area_cost_' ~ fact_column[5:] %}
        select
            top_service_lines.segment_cell_id,
            top_service_lines.cell_id,
            {{ dbt.concat([
                "'services|" ~ section ~ "|'", 'breakdown_lines.item'
            ]) }} as part_set,
            breakdown_lines.cell_id as whole_cell_id
        from top_service_lines
        inner join function_catalogue
            on top_service_lines.item = function_catalogue.function_number
        inner join profile_lines as breakdown_lines
            on
                top_service_lines.segment_cell_id
                = breakdown_lines.segment_cell_id
                and breakdown_lines.section = '{{ section }}'
                and function_catalogue.{{ fact_column }} = breakdown_lines.item
        where top_service_lines.is_complete_list
        union all
    {%- endfor %}
    -- the region's cost is of the cost type of the catalogue's regional
    -- functions: with the services of that type it adds up to the type's cost
    select
        complete_lists.segment_cell_id,
        sector_lines.cell_id,
        {{ dbt.concat(["'services|cost_type|'", 'breakdown_lines.item']) }}
            as part_set,
        breakdown_lines.cell_id as whole_cell_id
    from complete_lists
    inner join sector_lines
        on
            complete_lists.segment_cell_id = sector_lines.segment_cell_id
            and sector_lines.sector_item = 'regional_cost'
    inner join profile_lines as breakdown_lines
        on
            complete_lists.segment_cell_id = breakdown_lines.segment_cell_id
            and breakdown_lines.section = 'cost_type'
    inner join regional_cost_types
        on breakdown_lines.item = regional_cost_types.cost_type

),

costs_of_segment as (

    select distinct
        {{ disclosure_cell_id([
            "'cost_parts'", 'segment_cell_id', 'part_set'
        ]) }} as group_id,
        'cost' as group_kind,
        whole_cell_id as cell_id,
        'whole' as cell_role
    from cost_part_lines
    union all
    select
        {{ disclosure_cell_id([
            "'cost_parts'", 'segment_cell_id', 'part_set'
        ]) }} as group_id,
        'cost' as group_kind,
        cell_id,
        'part' as cell_role
    from cost_part_lines

),

cost_families_of_complete_lists as (

    -- a complete list names every service, so each cost by service, by area
    -- of either vocabulary, by cost type and by sector is a known sum of the
    -- same few unknowns, and the equations together recover what each one
    -- alone does not (an area of one vocabulary from two of the other): where
    -- one of these costs is withheld, all of them are (kind 'together'),
    -- but those equal to the segment's cost and the empty ones, which say
    -- nothing the sheet does not
    select
        {{ disclosure_cell_id([
            "'together'", 'profile_lines.segment_cell_id'
        ]) }} as group_id,
        'together' as group_kind,
        profile_lines.cell_id,
        'part' as cell_role
    from profile_lines
    inner join complete_lists
        on profile_lines.segment_cell_id = complete_lists.segment_cell_id
    where
        (
            profile_lines.section in (
                {%- for section in cost_sections %}
                    '{{ section }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
            or (
                profile_lines.section = 'summary'
                and profile_lines.item in ('municipal_cost', 'regional_cost')
            )
        )
        and profile_lines.total_cost != profile_lines.segment_cost
        and not (profile_lines.n_units = 0 and profile_lines.abs_cost_sum = 0)

),

lines_of_equal_functions as (

    -- the first line of a class is the whole and each other line a part
    -- with the same units (kind 'set', no residual): a line withheld, for
    -- its count or its cost, withholds its equals
    select
        {{ disclosure_cell_id([
            "'equal'", 'profile_lines.segment_cell_id',
            'int_cost_line_classes.class_line'
        ]) }} as group_id,
        'set' as group_kind,
        profile_lines.cell_id,
        case
            when
                {{ dbt.concat([
                    'profile_lines.section', "'|'", 'profile_lines.item'
                ]) }} = int_cost_line_classes.class_line
                then 'whole'
            else 'part'
        end as cell_role
    from profile_lines
    inner join int_cost_line_classes
        on
            profile_lines.section = int_cost_line_classes.section
            and profile_lines.item = int_cost_line_classes.item

),

municipal_area_lines as (

    select
        profile_lines.segment_cell_id,
        profile_lines.section,
        profile_lines.item,
        profile_lines.cell_id
    from profile_lines
    inner join area_vocabulary
        on
            profile_lines.section
            = {{ dbt.concat(["'area_cost_'", 'area_vocabulary.vocabulary']) }}
            and profile_lines.item = area_vocabulary.area_code
    where area_vocabulary.sector = 'municipal'

),

lines_in_balance as (

    -- the municipal areas of each vocabulary add up to the municipal cost,
    -- so the areas of one balance those of the other even where that cost
    -- is withheld, and a line with an equal line in the other vocabulary
    -- cancels out: the other lines of both balance (kind 'balance'; Stevns'
    -- Employment and Health and care against Skanderborg's areas but
    -- Children and youth)
    select
        {{ disclosure_cell_id([
            "'balance'", 'municipal_area_lines.segment_cell_id'
        ]) }} as group_id,
        'balance' as group_kind,
        municipal_area_lines.cell_id,
        'part' as cell_role
    from municipal_area_lines
    left join int_cost_line_classes
        on
            municipal_area_lines.section = int_cost_line_classes.section
            and municipal_area_lines.item = int_cost_line_classes.item
    where not coalesce(int_cost_line_classes.has_equal_area_line, false)

),

line_differences as (

    select distinct
        section,
        item,
        coalesce(part_section, '') as part_section,
        coalesce(part_item, '') as part_item
    from int_cost_line_differences
    -- regional_cost is the region's cost alone: a listed figure of its own
    where
        not (section = 'summary' and item = 'regional_cost')

),

listed_in_differences as (

    -- the listed services of a difference (the region's cost as
    -- regional_cost) on each sheet
    select
        listed_lines.segment_cell_id,
        int_cost_line_differences.section,
        int_cost_line_differences.item,
        coalesce(int_cost_line_differences.part_section, '') as part_section,
        coalesce(int_cost_line_differences.part_item, '') as part_item,
        listed_lines.cell_id
    from int_cost_line_differences
    inner join profile_lines as listed_lines
        on
            (
                listed_lines.section = 'top_services'
                and int_cost_line_differences.function_number
                = listed_lines.item
            )
            or (
                int_cost_line_differences.function_number = 'regional'
                and listed_lines.section = 'summary'
                and listed_lines.item = 'regional_cost'
            )

),

remainder_lines as (

    -- on each sheet a line, the line subtracted (when the sheet has both)
    -- and the remainder, where the difference has a listed service or a
    -- remainder: a line = the line subtracted + the listed services of the
    -- difference + the remainder (none when no unit has an unlisted one)
    select
        {{ disclosure_cell_id([
            "'difference'", 'whole_lines.segment_cell_id',
            'line_differences.section', 'line_differences.item',
            'line_differences.part_section', 'line_differences.part_item'
        ]) }} as group_id,
        whole_lines.segment_cell_id,
        line_differences.section,
        line_differences.item,
        line_differences.part_section,
        line_differences.part_item,
        whole_lines.cell_id as whole_cell_id,
        subtracted_lines.cell_id as subtracted_cell_id,
        int_profile_remainder_cells.cell_id as remainder_cell_id
    from line_differences
    inner join profile_lines as whole_lines
        on
            line_differences.section = whole_lines.section
            and line_differences.item = whole_lines.item
    left join profile_lines as subtracted_lines
        on
            whole_lines.segment_cell_id = subtracted_lines.segment_cell_id
            and line_differences.part_section = subtracted_lines.section
            and line_differences.part_item = subtracted_lines.item
    left join int_profile_remainder_cells
        on
            whole_lines.segment_cell_id
            = int_profile_remainder_cells.segment_cell_id
            and line_differences.section = int_profile_remainder_cells.section
            and line_differences.item = int_profile_remainder_cells.item
            and line_differences.part_section
            = coalesce(int_profile_remainder_cells.part_section, '')
            and line_differences.part_item
            = coalesce(int_profile_remainder_cells.part_item, '')
    where
        (
            line_differences.part_section = ''
            or subtracted_lines.cell_id is not null
        )
        and (
            int_profile_remainder_cells.cell_id is not null
            or exists (
                select 1 as is_listed
                from listed_in_differences
                where
                    listed_in_differences.segment_cell_id
                    = whole_lines.segment_cell_id
                    and listed_in_differences.section = line_differences.section
                    and listed_in_differences.item = line_differences.item
                    and listed_in_differences.part_section
                    = line_differences.part_section
                    and listed_in_differences.part_item
                    = line_differences.part_item
            )
        )

),

remainders_of_lines as (

    -- kind 'cost'
    select
        group_id,
        'cost' as group_kind,
        whole_cell_id as cell_id,
        'whole' as cell_role
    from remainder_lines
    union all
    select
        group_id,
        'cost' as group_kind,
        subtracted_cell_id as cell_id,
        'part' as cell_role
    from remainder_lines
    where subtracted_cell_id is not null
    union all
    select
        group_id,
        'cost' as group_kind,
        remainder_cell_id as cell_id,
        'part' as cell_role
    from remainder_lines
    where remainder_cell_id is not null
    union all
    select
        remainder_lines.group_id,
        'cost' as group_kind,
        listed_in_differences.cell_id,
        'part' as cell_role
    from remainder_lines
    inner join listed_in_differences
        on
            remainder_lines.segment_cell_id
            = listed_in_differences.segment_cell_id
            and remainder_lines.section = listed_in_differences.section
            and remainder_lines.item = listed_in_differences.item
            and remainder_lines.part_section
            = listed_in_differences.part_section
            and remainder_lines.part_item = listed_in_differences.part_item

),

cells_fixed as (

    select distinct
        segment_cell_id,
        cell_key
    from int_profile_cells_fixed

),

fixed_cell_figures as (

    -- on each sheet, the figures of a cell of the catalogue its lines fix
    -- (int_profile_cells_fixed): the cost of its unlisted services and its
    -- listed services
    select
        {{ disclosure_cell_id([
            "'follow'", 'cells_fixed.segment_cell_id', 'cells_fixed.cell_key'
        ]) }} as group_id,
        int_profile_remainder_cells.cell_id
    from cells_fixed
    inner join int_profile_remainder_cells
        on
            cells_fixed.segment_cell_id
            = int_profile_remainder_cells.segment_cell_id
            and int_profile_remainder_cells.section = 'cross_cell'
            and cells_fixed.cell_key = int_profile_remainder_cells.item
    union all
    select
        {{ disclosure_cell_id([
            "'follow'", 'cells_fixed.segment_cell_id', 'cells_fixed.cell_key'
        ]) }} as group_id,
        listed_lines.cell_id
    from cells_fixed
    inner join function_catalogue
        on
            cells_fixed.cell_key
            = {{ catalogue_cell_key('function_catalogue') }}
    inner join profile_lines as listed_lines
        on
            cells_fixed.segment_cell_id = listed_lines.segment_cell_id
            and listed_lines.section = 'top_services'
            and function_catalogue.function_number = listed_lines.item

),

lines_of_fixed_cells as (

    -- where a figure of such a cell is withheld, so are the lines of the
    -- other vocabularies and cost types without which the lines no longer
    -- fix it (kind 'follow')
    select
        group_id,
        'follow' as group_kind,
        cell_id,
        'whole' as cell_role
    from fixed_cell_figures
    union all
    select
        {{ disclosure_cell_id([
            "'follow'", 'int_profile_cells_fixed.segment_cell_id',
            'int_profile_cells_fixed.cell_key'
        ]) }} as group_id,
        'follow' as group_kind,
        profile_lines.cell_id,
        'part' as cell_role
    from int_profile_cells_fixed
    inner join profile_lines
        on
            int_profile_cells_fixed.segment_cell_id
            = profile_lines.segment_cell_id
            and int_profile_cells_fixed.section = profile_lines.section
            and int_profile_cells_fixed.item = profile_lines.item
    where not (profile_lines.n_units = 0 and profile_lines.abs_cost_sum = 0)

),

final as (

    {%- set groups = ['bands_in_segment', 'lines_in_segment', 'lines_as_unions',
        'value_sums_over_bands',
        'disjoint_lines_in_segment', 'costs_of_segment', 'no_service_lines',
        'cost_families_of_complete_lists', 'remainders_of_lines',
        'lines_of_fixed_cells', 'lines_of_equal_functions',
        'lines_in_balance'] %}
    {%- for group in groups %}
        select
            group_id,
            group_kind,
            cell_id,
            cell_role
        from {{ group }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

)

select * from final
