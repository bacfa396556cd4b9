{#- The segment catalogue: every model of this project with config.meta.segment
    (the entries of models/marts/restricted/segments/_segments__models.yml),
    sorted by id. Each entry is a dict with id (the model name without
    'segment_'), label, name, name_da, population, parent, rule,
    member_rules, source, description, is_reference (meta reference: true, a
    whole population the reports' tables start with), and the conditions resolved through
    its parents: all_rules and all_member_rules. A malformed entry stops the
    run with a message that names the model and what is wrong. Empty while
    dbt parses: the graph is known only when it executes. -#}
{% macro segment_catalogue() %}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set entries = {} -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.package_name == project_name -%}
        {%- set meta = node.config.meta or {} -%}
        {%- if 'segment' in meta -%}
            {%- do entries.update({
                segment_id_of(node.name): segment_entry(node, meta['segment'])
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set resolved = [] -%}
    {%- for segment_id in entries | sort -%}
        {%- do resolved.append(
            segment_resolved(entries, entries[segment_id])
        ) -%}
    {%- endfor -%}
    {{ return(resolved) }}
{% endmacro %}

{#- The segment id of a segment model: its name without 'segment_'. -#}
{% macro segment_id_of(model_name) %}
    {%- if not model_name.startswith('segment_')
        or model_name in ['segment_catalogue', 'segment_members',
                          'segment_profiles', 'segment_profile_sheet',
                          'segment_overlap'] -%}
        {{ exceptions.raise_compiler_error(
            "Segment catalogue: model '" ~ model_name ~ "' has config.meta.segment "
            ~ "but a segment model must be named segment_<id> (and <id> not one "
            ~ "of catalogue, members, profiles, profile_sheet, overlap)"
        ) }}
    {%- endif -%}
    {{ return(model_name[8:]) }}
{% endmacro %}

{#- One catalogue entry from a model's meta, checked. -#}
{% macro segment_entry(node, segment) %}
    {%- set where = "Segment catalogue, model " ~ node.name
        ~ " (" ~ node.original_file_path ~ " and its yml entry): " -%}
    {%- if segment is not mapping -%}
        {{ exceptions.raise_compiler_error(where ~ "meta.segment must be a mapping") }}
    {%- endif -%}
    {%- for key in ['label', 'name', 'name_da', 'population', 'source'] -%}
        {%- if not segment.get(key) -%}
            {{ exceptions.raise_compiler_error(where ~ "meta.segment." ~ key ~ " is missing") }}
        {%- endif -%}
    {%- endfor -%}
    {%- if segment['population'] not in ['citizens', 'families'] -%}
        {{ exceptions.raise_compiler_error(
            where ~ "population must be 'citizens' or 'families', got '"
            ~ segment['population'] ~ "'"
        ) }}
    {%- endif -%}
    {%- set member_rules = segment.get('member_rules') or [] -%}
    {%- if member_rules is string -%}
        {%- set member_rules = [member_rules] -%}
    {%- endif -%}
    {%- if member_rules and segment['population'] != 'families' -%}
        {{ exceptions.raise_compiler_error(where ~ "member_rules are for family segments only") }}
    {%- endif -%}
    {%- if not segment.get('rule') and not member_rules -%}
        {{ exceptions.raise_compiler_error(where ~ "a segment needs a rule or member_rules") }}
    {%- endif -%}
    {%- if not node.description -%}
        {{ exceptions.raise_compiler_error(where ~ "the model needs a description (it is the segment description in the docs)") }}
    {%- endif -%}
    {{ return({
        'id': segment_id_of(node.name),
        'model_name': node.name,
        'label': segment['label'] | string,
        'name': segment['name'],
        'name_da': segment['name_da'],
        'population': segment['population'],
        'parent': segment.get('parent'),
        'rule': segment.get('rule'),
        'member_rules': member_rules,
        'source': segment['source'],
        'description': node.description | trim,
        'is_reference': segment.get('reference', false) == true,
    }) }}
{% endmacro %}

{#- An entry with the rules of its parents added (parents first). -#}
{% macro segment_resolved(entries, entry) %}
    {%- set chain = [entry] -%}
    {%- for step in range(10) -%}
        {%- set parent_id = chain[-1]['parent'] -%}
        {%- if parent_id -%}
            {%- if parent_id not in entries -%}
                {{ exceptions.raise_compiler_error(
                    "Segment catalogue, model " ~ chain[-1]['model_name']
                    ~ ": parent '" ~ parent_id ~ "' is not a segment id"
                ) }}
            {%- endif -%}
            {%- if entries[parent_id]['population'] != entry['population'] -%}
                {{ exceptions.raise_compiler_error(
                    "Segment catalogue, model " ~ chain[-1]['model_name']
                    ~ ": parent '" ~ parent_id ~ "' is a segment of "
                    ~ entries[parent_id]['population'] ~ ", not " ~ entry['population']
                ) }}
            {%- endif -%}
            {%- do chain.append(entries[parent_id]) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if chain[-1]['parent'] -%}
        {{ exceptions.raise_compiler_error(
            "Segment catalogue, model " ~ entry['model_name']
            ~ ": its parents form a cycle (or are nested over 10 deep)"
        ) }}
    {%- endif -%}
    {%- set all_rules = [] -%}
    {%- set all_member_rules = [] -%}
    {%- for ancestor in chain | reverse -%}
        {%- if ancestor['rule'] -%}
            {%- do all_rules.append(ancestor['rule']) -%}
        {%- endif -%}
        {%- for member_rule in ancestor['member_rules'] -%}
            {%- do all_member_rules.append(member_rule) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set resolved = {} -%}
    {%- do resolved.update(entry) -%}
    {%- do resolved.update({
        'all_rules': all_rules,
        'all_member_rules': all_member_rules,
    }) -%}
    {{ return(resolved) }}
{% endmacro %}

{#- A segment's whole condition as readable text, for the catalogue table. -#}
{% macro segment_rule_text(segment) %}
    {%- set parts = [] -%}
    {%- for rule in segment['all_rules'] -%}
        {%- do parts.append('(' ~ rule ~ ')') -%}
    {%- endfor -%}
    {%- for member_rule in segment['all_member_rules'] -%}
        {%- do parts.append('some member: (' ~ member_rule ~ ')') -%}
    {%- endfor -%}
    {{ return(parts | join(' and ')) }}
{% endmacro %}

{#- The body of a segment model segment_<id>: the members of the segment
    with the shared column set. A segment model is one line:
    {{ segment_table() }}. -#}
{% macro segment_table() %}
    {%- set segment_id = segment_id_of(model.name) -%}
    {%- if execute -%}
        {%- set known_ids = segment_catalogue() | map(attribute='id') | list -%}
        {%- if segment_id not in known_ids -%}
            {{ exceptions.raise_compiler_error(
                "Segment model " ~ model.name ~ " (" ~ model.original_file_path
                ~ ") has no catalogue entry: give it config.meta.segment in "
                ~ "models/marts/restricted/segments/_segments__models.yml"
            ) }}
        {%- endif -%}
    {%- endif %}
-- Segment {{ segment_id }}: its members and their costs (catalogue entry in
-- models/marts/restricted/segments/_segments__models.yml).
with

segment_members as (

    select * from {{ ref('segment_members') }}

),

final as (

    select
        {{ segment_columns() | join(',\n        ') }}
    from segment_members
    where segment_id = '{{ segment_id }}'

)

select * from final
{% endmacro %}

{#- The column set every segment table shares. -#}
{% macro segment_columns() %}
    {%- set columns = [
        'segment_id', 'population', 'unit_id', 'analysis_year',
        'total_cost', 'municipal_cost', 'regional_cost'
    ] -%}
    {%- for column_name, fact_column, value in cost_breakdown_columns() -%}
        {%- do columns.append(column_name) -%}
    {%- endfor -%}
    {%- do columns.extend(['n_services', 'n_areas']) -%}
    {{ return(columns) }}
{% endmacro %}

{#- The regional activity of the profile sheet: measure, English and Danish
    name, source (hospital contacts or health-insurance services) and the
    condition on the source's rows. -#}
{% macro regional_activity_measures() %}
    {{ return([
        ('somatic_admission', 'Somatic admissions', 'Somatiske indlæggelser',
            'hospital',
            "hospital_sector = 'somatic' and contact_type = 'admission'"),
        ('somatic_acute_admission', 'Acute somatic admissions',
            'Akutte somatiske indlæggelser', 'hospital',
            "hospital_sector = 'somatic' and contact_type = 'admission' and is_acute"),
        ('somatic_outpatient', 'Somatic outpatient contacts',
            'Somatiske ambulante kontakter', 'hospital',
            "hospital_sector = 'somatic' and contact_type = 'outpatient'"),
        ('somatic_acute_outpatient', 'Acute somatic outpatient contacts',
            'Akutte somatiske ambulante kontakter', 'hospital',
            "hospital_sector = 'somatic' and contact_type = 'outpatient' and is_acute"),
        ('psychiatric_admission', 'Psychiatric admissions',
            'Psykiatriske indlæggelser', 'hospital',
            "hospital_sector = 'psychiatric' and contact_type = 'admission'"),
        ('psychiatric_acute_admission', 'Acute psychiatric admissions',
            'Akutte psykiatriske indlæggelser', 'hospital',
            "hospital_sector = 'psychiatric' and contact_type = 'admission' and is_acute"),
        ('psychiatric_outpatient', 'Psychiatric outpatient contacts',
            'Psykiatriske ambulante kontakter', 'hospital',
            "hospital_sector = 'psychiatric' and contact_type = 'outpatient'"),
        ('psychiatric_acute_outpatient', 'Acute psychiatric outpatient contacts',
            'Akutte psykiatriske ambulante kontakter', 'hospital',
            "hospital_sector = 'psychiatric' and contact_type = 'outpatient' and is_acute"),
        ('own_gp', 'Own general practitioner', 'Egen læge', 'health_insurance',
            "provider_type = 'own_gp'"),
        ('emergency_gp', 'Emergency general practitioner', 'Vagtlæge',
            'health_insurance', "provider_type = 'emergency_gp'"),
        ('psychologist', 'Psychologist', 'Psykolog', 'health_insurance',
            "provider_type = 'psychologist'"),
    ]) }}
{% endmacro %}

{#- The summary lines of the profile sheet: item, English and Danish name,
    the condition a unit meets to be counted (over the columns of
    int_units_described and cost_threshold, the var profile_cost_threshold
    of its population), the
    cost column the line sums and the count column behind a mean count
    (none: no mean). -#}
{% macro profile_summary_items() %}
    {%- set threshold = var('profile_cost_threshold') %}
    {%- set young = var('profile_age_shares')['young_below'] %}
    {%- set old = var('profile_age_shares')['old_from'] %}
    {{ return([
        ('units', 'Number of units and their cost',
            'Antal enheder og deres omkostninger', 'true', 'total_cost', none),
        ('municipal_cost', 'Municipal cost', 'Kommunale omkostninger', 'true',
            'municipal_cost', none),
        ('regional_cost', 'Regional cost', 'Regionale omkostninger', 'true',
            'regional_cost', none),
        ('with_cost', 'With any cost (a total cost above 0)',
            'Med en omkostning (samlet omkostning over 0)', 'total_cost > 0',
            'total_cost', none),
        ('women', 'Women (citizens)', 'Kvinder (borgere)', 'is_woman',
            'total_cost', none),
        ('municipal_services', 'Number of municipal services',
            'Antal kommunale ydelser', 'true', 'total_cost', 'n_services'),
        ('departments', 'Number of departments (visitation units)',
            'Antal afdelinger (visitationsenheder)', 'true', 'total_cost',
            'n_departments'),
        ('single', 'Single (enlig: in no family of two or more)',
            'Enlig (i ingen familie på to eller flere)', 'is_single',
            'total_cost', none),
        ('single_provider', 'Single provider (enlig forsørger)',
            'Enlig forsørger', 'is_single_provider', 'total_cost', none),
        ('with_children', 'With children under 18', 'Med børn under 18 år',
            'has_children', 'total_cost', none),
        ('under_' ~ young, 'Under ' ~ young ~ ' (families: oldest member)',
            'Under ' ~ young ~ ' år (familier: det ældste medlem)',
            'age < ' ~ young, 'total_cost', none),
        ('over_' ~ old, old ~ ' or over (families: oldest member)',
            old ~ ' år eller derover (familier: det ældste medlem)',
            'age >= ' ~ old, 'total_cost', none),
        ('municipality_primary_care_and_hospital',
            'A municipal service and contact with both primary care and a hospital',
            'En kommunal ydelse og kontakt med både almen praksis og sygehus',
            'has_municipal_primary_care_and_hospital', 'total_cost', none),
        ('under_cost_threshold',
            'Total cost under the threshold (citizens '
            ~ threshold['citizens'] ~ ', families ' ~ threshold['families'] ~ ' kr)',
            'Samlet omkostning under tærsklen (borgere ' ~ threshold['citizens']
            ~ ', familier ' ~ threshold['families'] ~ ' kr.)',
            'total_cost < cost_threshold', 'total_cost', none),
        ('one_chronic_condition', 'Exactly one chronic condition',
            'Præcis én kronisk sygdom', 'n_chronic_conditions = 1',
            'total_cost', none),
        ('several_chronic_conditions', 'Several chronic conditions',
            'Flere kroniske sygdomme', 'n_chronic_conditions >= 2',
            'total_cost', none),
    ]) }}
{% endmacro %}

{#- The distributions of the profile sheet: section, the column of
    int_units_described that is banded, the band bounds (vars), the lowest
    value the column can take (none: unbounded) and the populations whose
    sheets have it. Their
    bands add up to the segment's size, which complementary suppression and
    its test rely on. -#}
{% macro profile_distributions() %}
    {%- set both = ['citizens', 'families'] %}
    {{ return([
        ('age_band', 'age', var('age_bands'), 0, both),
        ('cost_band', 'total_cost', var('profile_cost_bands'), none, both),
        ('services_band', 'n_services', var('profile_count_bands'), 0, both),
        ('areas_band', 'n_areas', var('profile_count_bands'), 0, both),
        ('departments_band', 'n_departments', var('profile_count_bands'), 0,
            both),
        ('family_size_band', 'n_members', var('profile_family_size_bands'),
            var('family_min_members'), ['families']),
    ]) }}
{% endmacro %}

{#- The health indicators the co-occurrence matrices show beside the
    municipal services, as in Stevns' workshop matrix: (code, English name,
    Danish name, condition over int_units_described's columns, or the
    condition code of int_unit_conditions the unit must have). A
    municipality adds or changes one here. -#}
{% macro cooccurrence_health_indicators() %}
    {{ return([
        ('health.acute_somatic_admissions', 'More than one acute somatic admission',
            'Mere end én akut somatisk indlæggelse', 'n_somatic_acute_admission > 1', none),
        ('health.acute_contacts', 'At least three acute contacts',
            'Mindst tre akutte kontakter',
            'n_somatic_acute_admission + n_somatic_acute_outpatient + n_psychiatric_acute_admission'
            ~ ' + n_psychiatric_acute_outpatient >= 3', none),
        ('health.anxiety_depression', 'Anxiety or depression', 'Angst eller depression',
            none, 'anxiety_depression'),
        ('health.one_chronic_condition', 'One chronic condition', 'Én kronisk sygdom',
            'n_chronic_conditions = 1', none),
        ('health.two_chronic_conditions', 'Two chronic conditions', 'To kroniske sygdomme',
            'n_chronic_conditions = 2', none),
        ('health.three_chronic_conditions', 'Three or more chronic conditions',
            'Tre eller flere kroniske sygdomme', 'n_chronic_conditions >= 3', none),
        ('health.substance_abuse', 'Substance abuse', 'Misbrug', none, 'substance_abuse'),
        ('health.psychiatry', 'Contact with psychiatry', 'Kontakt med psykiatrien',
            'n_psychiatric_admission + n_psychiatric_outpatient > 0', none),
    ]) }}
{% endmacro %}
