"""The marts agree with an independent pandas re-computation from the raw files.

welfare_segments.recompute implements the allocation rules a second time,
without sharing code with the dbt models; both must give each person the
same costs, to the 0.01 kr.
"""

from __future__ import annotations

import pandas as pd
import pytest

from welfare_segments import recompute
from welfare_segments.privacy import pseudonymise

from .conftest import LAST_YEAR, TEST_YEARS

YEARS = list(range(LAST_YEAR - TEST_YEARS + 1, LAST_YEAR + 1))


@pytest.mark.parametrize("year", YEARS)
def test_person_costs_equal_the_independent_recomputation(build, warehouse, year):
    expected = recompute.person_totals(build.raw_dir, year)
    # the marts carry pseudonyms: the keyed hash of the raw id
    expected["person_id"] = expected["person_id"].map(pseudonymise)
    expected = expected.set_index("person_id").sort_index()
    actual = (
        warehouse.execute(
            """
            select
                person_costs.person_id,
                person_costs.is_in_population,
                cast(person_costs.municipal_cost as double) as municipal_cost,
                cast(person_costs.regional_cost as double) as regional_cost,
                cast(person_costs.total_cost as double) as total_cost,
                coalesce(pool_shares.n_pool_shares, 0) as n_pool_shares
            from restricted.person_costs
            left join (
                select person_id, analysis_year, count(*) as n_pool_shares
                from intermediate.int_cost_pools_allocated
                where person_id is not null
                group by person_id, analysis_year
            ) as pool_shares using (person_id, analysis_year)
            where person_costs.analysis_year = ?
            """,
            [year],
        )
        .df()
        .set_index("person_id")
        .sort_index()
    )
    # persons without cost outside the population are in neither
    expected = expected[(expected["total_cost"] != 0) | expected["is_in_population"]]
    actual = actual[(actual["total_cost"] != 0) | actual["is_in_population"]]
    assert len(actual) > 1000
    assert list(actual.index) == list(expected.index)
    assert (actual["is_in_population"] == expected["is_in_population"].astype(bool)).all()
    # a pool's shares are whole øre (largest remainder), so each share may
    # differ from the exact split by less than one øre
    tolerance = 0.01 * actual["n_pool_shares"] + 1e-6
    for column in ("municipal_cost", "regional_cost", "total_cost"):
        difference = (actual[column] - expected[column]).abs()
        excess = difference - tolerance
        assert excess.max() <= 0, (column, excess.idxmax(), difference.max())
    # the sum over all persons is exact: every øre of every pool is allocated
    assert actual["total_cost"].sum() == pytest.approx(expected["total_cost"].sum(), abs=0.01)


@pytest.mark.parametrize("year", YEARS)
def test_concentration_equals_the_independent_recomputation(build, warehouse, year):
    totals = recompute.person_totals(build.raw_dir, year)
    population = totals[totals["is_in_population"]]
    # the second denominator: the relevant municipal ledger, the region's costs of all persons
    relevant = {"municipal": recompute.allocation_coverage(build.raw_dir, year)["relevant_total"],
                "regional": float(totals["regional_cost"].sum())}
    relevant["total"] = relevant["municipal"] + relevant["regional"]
    for scope in ("total", "municipal", "regional"):
        expected = recompute.concentration(population, scope)
        expected_of_relevant = recompute.concentration(population, scope, relevant[scope])
        found = warehouse.execute(
            """
            select top_percent, share_of_cost, share_of_relevant_sector_cost from analytics.cost_concentration
            where analysis_year = ? and population = 'citizens' and cost_scope = ?
            """,
            [year, scope],
        ).fetchall()
        actual = {top: share for top, share, _ in found}
        actual_of_relevant = {top: share for top, _, share in found}
        assert actual.keys() == expected.keys()
        for top_percent, share in expected.items():
            assert actual[top_percent] == pytest.approx(share, abs=1e-9), (scope, top_percent)
            assert actual_of_relevant[top_percent] == pytest.approx(
                expected_of_relevant[top_percent], abs=1e-9), (scope, top_percent, "relevant")


def test_reconciliation_is_exact_and_covers_the_whole_ledger(build, warehouse):
    ledger = pd.read_parquet(build.raw_dir / "ledger_postings.parquet")
    ledger["year"] = pd.to_datetime(ledger["booking_date"]).dt.year
    by_year = ledger[ledger["year"].isin(YEARS)].groupby("year")["amount"].sum()
    reconciliation = warehouse.execute(
        """
        select analysis_year, cast(sum(ledger_amount) as double), cast(max(abs(difference)) as double),
               cast(sum(deselected_amount + allocated_amount + unallocated_amount + quarantined_amount) as double)
        from audit.allocation_reconciliation
        where cost_centre <> 'region'
        group by analysis_year order by analysis_year
        """
    ).fetchall()
    assert [row[0] for row in reconciliation] == YEARS
    for year, ledger_amount, worst_difference, accounted in reconciliation:
        assert ledger_amount == pytest.approx(by_year[year], abs=0.01)
        assert worst_difference <= 0.01
        assert accounted == pytest.approx(by_year[year], abs=0.01)


@pytest.mark.parametrize("year", YEARS)
def test_allocation_coverage_equals_the_independent_recomputation(build, warehouse, year):
    expected = recompute.allocation_coverage(build.raw_dir, year)
    actual = warehouse.execute(
        """
        select cast(relevant_ledger_amount as double), cast(direct_allocated_share as double),
               cast(activity_allocated_share as double), cast(average_allocated_share as double),
               cast(unallocated_share as double)
        from analytics.allocation_coverage where analysis_year = ?
        """,
        [year],
    ).fetchone()
    assert actual[0] == pytest.approx(expected["relevant_total"], abs=0.01)
    for value, key in zip(actual[1:], ("direct", "activity", "average", "unallocated")):
        # shares of whole-øre allocations: equal to a billionth of the ledger
        assert value == pytest.approx(expected[key], abs=1e-9), key


def test_every_resident_is_single_or_in_one_family_and_families_sum_their_members(warehouse):
    orphans, duplicates, contradictions = warehouse.execute(
        """
        select
            count(*) filter (where n = 0),
            count(*) filter (where n > 1),
            count(*) filter (where n_wrong > 0)
        from (
            select residents.analysis_year, residents.person_id, count(families.person_id) as n,
                   count(*) filter (where families.is_single <> (families.family_id is null)) as n_wrong
            from intermediate.int_residents_at_reference_date as residents
            left join intermediate.int_families_formed as families
              using (analysis_year, person_id)
            group by all
        )
        """
    ).fetchone()
    assert (orphans, duplicates, contradictions) == (0, 0, 0)
    # a family is two or more persons at one address; everyone else is single
    smallest, singles_in_families = warehouse.execute(
        """
        select
            (select min(n_members) from restricted.family_costs),
            (select count(*) from intermediate.int_families_formed
             where is_single and family_rule in ('placed_child_at_mother', 'placed_child_at_father'))
        """
    ).fetchone()
    assert smallest == 2 and singles_in_families == 0
    worst = warehouse.execute(
        """
        select max(abs(families.total_cost - members.total_cost))
        from restricted.family_costs as families
        join (
            select family_id, analysis_year, sum(total_cost) as total_cost
            from restricted.person_costs where is_in_population and family_id is not null group by all
        ) as members using (family_id, analysis_year)
        """
    ).fetchone()[0]
    assert worst <= 0.01
    rules = dict(
        warehouse.execute(
            "select family_rule, count(*) from intermediate.int_families_formed group by all"
        ).fetchall()
    )
    # the generated data exercises every family rule but the rare father case
    assert {"same_address", "placed_child_at_mother", "residential_institution", "no_fixed_address"} <= rules.keys()


@pytest.mark.parametrize("year", YEARS)
def test_population_summary_states_the_whole_population(build, warehouse, year):
    totals = recompute.person_totals(build.raw_dir, year)
    population = totals[totals["is_in_population"]]
    citizens = warehouse.execute(
        """
        select n_units, n_units_with_cost, total_cost, mean_municipal_cost, mean_regional_cost
        from analytics.population_summary where analysis_year = ? and segment_id = 'all_citizens'
        """,
        [year],
    ).fetchone()
    assert citizens[:2] == (len(population), int((population["total_cost"] > 0).sum()))
    # pool shares are whole øre, so the sum of many persons may differ by øre
    assert float(citizens[2]) == pytest.approx(population["total_cost"].sum(), abs=0.01 * len(population))
    assert citizens[3] == pytest.approx(population["municipal_cost"].mean(), abs=0.01)
    assert citizens[4] == pytest.approx(population["regional_cost"].mean(), abs=0.01)
    # the family rows against the family mart: all families, then those with children
    families = warehouse.execute(
        """
        select segment_id, n_units, total_cost from analytics.population_summary
        where analysis_year = ? and population = 'families' order by n_units desc
        """,
        [year],
    ).fetchall()
    expected = warehouse.execute(
        """
        select count(*), sum(total_cost), count(*) filter (where has_children),
               sum(total_cost) filter (where has_children)
        from restricted.family_costs where analysis_year = ?
        """,
        [year],
    ).fetchone()
    assert [(r[0], r[1]) for r in families] == [("all_families", expected[0]),
                                                 ("families_with_children", expected[2])]
    assert float(families[0][2]) == pytest.approx(float(expected[1]), abs=0.01)
