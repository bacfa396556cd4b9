-- The bands of each distribution of a published segment add up to its size,
-- so a lone withheld band could be recovered by subtraction: there is never
-- exactly one, and with none withheld the bands add up to segment_size.
with

segment_profiles as (

    select * from {{ ref('segment_profiles') }}

),

distributions as (

    select
        segment_id,
        analysis_year,
        section,
        max(segment_size) as segment_size,
        sum(case when n_units is null then 1 else 0 end) as n_withheld_bands,
        sum(n_units) as n_units_published
    from segment_profiles
    where
        section in (
            {%- for section, column, bounds, lowest, populations
                in profile_distributions() %}
                '{{ section }}'{% if not loop.last %},{% endif %}
            {%- endfor %}
        )
        and segment_size is not null
    group by segment_id, analysis_year, section

)

select *
from distributions
where
    n_withheld_bands = 1
    or (n_withheld_bands = 0 and n_units_published != segment_size)
