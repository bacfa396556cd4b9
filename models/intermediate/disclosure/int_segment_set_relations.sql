-- How the segments of a year contain each other, as an outsider who knows
-- the rules would use it to subtract: one row per relation and part. Found
-- in the data, not assumed from the catalogue: a segment whose every unit is
-- in another is its part (relation 'subset'); two disjoint parts of one
-- segment (relation 'disjoint_pair'); and the sub-segments of a segment when
-- all of them are in it and none overlap (relation 'sub_segments').
with

int_segment_overlap_cells as (

    select * from {{ ref('int_segment_overlap_cells') }}

),

segment_catalogue as (

    select * from {{ ref('segment_catalogue') }}

),

int_segment_unit_costs as (

    select * from {{ ref('int_segment_unit_costs') }}

),

analysis_years as (

    select distinct analysis_year from int_segment_overlap_cells

),

reference_members as (

    select int_segment_unit_costs.*
    from int_segment_unit_costs
    inner join segment_catalogue
        on int_segment_unit_costs.segment_id = segment_catalogue.segment_id
    where segment_catalogue.is_reference

),

segment_sizes as (

    select
        analysis_year,
        segment_id,
        count(*) as segment_size
    from int_segment_unit_costs
    group by analysis_year, segment_id

),

units_in_references as (

    select
        int_segment_unit_costs.population,
        int_segment_unit_costs.analysis_year,
        reference_members.segment_id as whole_segment_id,
        int_segment_unit_costs.segment_id as part_segment_id,
        count(*) as n_units_in_both
    from int_segment_unit_costs
    inner join reference_members
        on
            int_segment_unit_costs.population = reference_members.population
            and int_segment_unit_costs.analysis_year
            = reference_members.analysis_year
            and int_segment_unit_costs.unit_id = reference_members.unit_id
    where int_segment_unit_costs.segment_id != reference_members.segment_id
    group by
        int_segment_unit_costs.population,
        int_segment_unit_costs.analysis_year,
        reference_members.segment_id,
        int_segment_unit_costs.segment_id

),

reference_subsets as (

    -- the overlap matrix leaves out the whole populations: a segment is in
    -- one when every unit of it is
    select
        units_in_references.population,
        units_in_references.analysis_year,
        units_in_references.whole_segment_id,
        units_in_references.part_segment_id
    from units_in_references
    inner join segment_sizes
        on
            units_in_references.analysis_year = segment_sizes.analysis_year
            and units_in_references.part_segment_id = segment_sizes.segment_id
    where units_in_references.n_units_in_both = segment_sizes.segment_size

),

target_subsets as (

    -- every unit of the part is in the whole
    select
        population,
        analysis_year,
        other_segment_id as whole_segment_id,
        segment_id as part_segment_id
    from int_segment_overlap_cells
    where
        segment_id != other_segment_id
        and segment_size > 0
        and n_units_in_both = segment_size

),

subsets as (

    select * from target_subsets
    union all
    select
        population,
        analysis_year,
        whole_segment_id,
        part_segment_id
    from reference_subsets

),

disjoint_pairs as (

    -- within a segment, not a whole population (there the rest of the
    -- population is far too large to subtract anything from)
    select
        subsets.population,
        subsets.analysis_year,
        subsets.whole_segment_id,
        subsets.part_segment_id,
        other_subsets.part_segment_id as other_part_segment_id
    from target_subsets as subsets
    inner join target_subsets as other_subsets
        on
            subsets.analysis_year = other_subsets.analysis_year
            and subsets.whole_segment_id = other_subsets.whole_segment_id
            and subsets.part_segment_id < other_subsets.part_segment_id
    inner join int_segment_overlap_cells
        on
            subsets.analysis_year = int_segment_overlap_cells.analysis_year
            and subsets.part_segment_id = int_segment_overlap_cells.segment_id
            and other_subsets.part_segment_id
            = int_segment_overlap_cells.other_segment_id
    where int_segment_overlap_cells.n_units_in_both = 0

),

sub_segments as (

    select
        subsets.population,
        subsets.analysis_year,
        subsets.whole_segment_id,
        subsets.part_segment_id
    from subsets
    inner join segment_catalogue
        on
            subsets.part_segment_id = segment_catalogue.segment_id
            and subsets.whole_segment_id = segment_catalogue.parent_segment_id

),

children_counted as (

    select
        segment_catalogue.parent_segment_id as whole_segment_id,
        years.analysis_year,
        count(*) as n_sub_segments,
        count(sub_segments.part_segment_id) as n_sub_segments_inside
    from segment_catalogue
    cross join analysis_years as years
    left join sub_segments
        on
            segment_catalogue.segment_id = sub_segments.part_segment_id
            and years.analysis_year = sub_segments.analysis_year
    where segment_catalogue.parent_segment_id is not null
    group by segment_catalogue.parent_segment_id, years.analysis_year

),

disjoint_sub_segment_pairs as (

    select
        disjoint_pairs.whole_segment_id,
        disjoint_pairs.analysis_year,
        count(*) as n_disjoint_pairs
    from disjoint_pairs
    inner join segment_catalogue
        on
            disjoint_pairs.part_segment_id = segment_catalogue.segment_id
            and disjoint_pairs.whole_segment_id
            = segment_catalogue.parent_segment_id
    inner join segment_catalogue as other_catalogue
        on
            disjoint_pairs.other_part_segment_id = other_catalogue.segment_id
            and disjoint_pairs.whole_segment_id
            = other_catalogue.parent_segment_id
    group by disjoint_pairs.whole_segment_id, disjoint_pairs.analysis_year

),

sub_segment_families as (

    -- parents with 3 or more sub-segments, all in them and pairwise disjoint
    -- (two are a disjoint pair already)
    select
        children_counted.whole_segment_id,
        children_counted.analysis_year
    from children_counted
    inner join disjoint_sub_segment_pairs
        on
            children_counted.whole_segment_id
            = disjoint_sub_segment_pairs.whole_segment_id
            and children_counted.analysis_year
            = disjoint_sub_segment_pairs.analysis_year
    where
        children_counted.n_sub_segments >= 3
        and children_counted.n_sub_segments_inside
        = children_counted.n_sub_segments
        and disjoint_sub_segment_pairs.n_disjoint_pairs
        = children_counted.n_sub_segments
        * (children_counted.n_sub_segments - 1) / 2

),

final as (

    select
        population,
        analysis_year,
        'subset' as relation_type,
        {{ disclosure_cell_id([
            "'subset'", 'analysis_year', 'whole_segment_id', 'part_segment_id'
        ]) }} as relation_id,
        whole_segment_id,
        part_segment_id
    from subsets
    union all
    select
        population,
        analysis_year,
        'disjoint_pair' as relation_type,
        {{ disclosure_cell_id([
            "'disjoint_pair'", 'analysis_year', 'whole_segment_id',
            'part_segment_id', 'other_part_segment_id'
        ]) }} as relation_id,
        whole_segment_id,
        part_segment_id
    from disjoint_pairs
    union all
    select
        population,
        analysis_year,
        'disjoint_pair' as relation_type,
        {{ disclosure_cell_id([
            "'disjoint_pair'", 'analysis_year', 'whole_segment_id',
            'part_segment_id', 'other_part_segment_id'
        ]) }} as relation_id,
        whole_segment_id,
        other_part_segment_id as part_segment_id
    from disjoint_pairs
    union all
    select
        sub_segments.population,
        sub_segments.analysis_year,
        'sub_segments' as relation_type,
        {{ disclosure_cell_id([
            "'sub_segments'", 'sub_segments.analysis_year',
            'sub_segments.whole_segment_id'
        ]) }} as relation_id,
        sub_segments.whole_segment_id,
        sub_segments.part_segment_id
    from sub_segments
    inner join sub_segment_families
        on
            sub_segments.whole_segment_id
            = sub_segment_families.whole_segment_id
            and sub_segments.analysis_year = sub_segment_families.analysis_year

)

select * from final
