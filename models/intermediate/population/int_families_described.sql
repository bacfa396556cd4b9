-- One row per family and year (two or more persons at one address, var
-- family_min_members): its size and composition. Single persons are in none.
with

int_families_formed as (

    select * from {{ ref('int_families_formed') }}

),

families_counted as (

    select
        analysis_year,
        family_id,
        count(*) as n_members,
        sum(case when is_child then 0 else 1 end) as n_adults,
        sum(case when is_child then 1 else 0 end) as n_children,
        sum(case when is_placed_child then 1 else 0 end) as n_placed_children
    from int_families_formed
    where family_id is not null
    group by analysis_year, family_id

),

final as (

    select
        analysis_year,
        family_id,
        n_members,
        n_adults,
        n_children,
        n_placed_children,
        n_children > 0 as has_children,
        -- enlig forsørger: one adult with one or more children
        (n_adults = 1 and n_children > 0) as is_single_provider
    from families_counted

)

select * from final
