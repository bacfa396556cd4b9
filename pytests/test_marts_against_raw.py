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
            select person_id, is_in_population, municipal_cost, regional_cost, total_cost
            from restricted.person_costs
            where analysis_year = ?
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
    for column in ("municipal_cost", "regional_cost", "total_cost"):
        difference = (actual[column] - expected[column]).abs()
        assert difference.max() <= 0.01, (column, difference.idxmax(), difference.max())


@pytest.mark.parametrize("year", YEARS)
def test_concentration_equals_the_independent_recomputation(build, warehouse, year):
    totals = recompute.person_totals(build.raw_dir, year)
    population = totals[totals["is_in_population"]]
    for scope in ("total", "municipal", "regional"):
        expected = recompute.concentration(population, scope)
        actual = dict(
            warehouse.execute(
                """
                select top_percent, share_of_cost from analytics.cost_concentration
                where analysis_year = ? and population = 'citizens' and cost_scope = ?
                """,
                [year, scope],
            ).fetchall()
        )
        assert actual.keys() == expected.keys()
        for top_percent, share in expected.items():
            assert actual[top_percent] == pytest.approx(share, abs=1e-9), (scope, top_percent)


def test_reconciliation_is_exact_and_covers_the_whole_ledger(build, warehouse):
    ledger = pd.read_parquet(build.raw_dir / "ledger_postings.parquet")
    ledger["year"] = pd.to_datetime(ledger["booking_date"]).dt.year
    by_year = ledger[ledger["year"].isin(YEARS)].groupby("year")["amount"].sum()
    reconciliation = warehouse.execute(
        """
        select analysis_year, sum(ledger_amount), max(abs(difference)),
               sum(deselected_amount + allocated_amount + unallocated_amount + quarantined_amount)
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
        select relevant_ledger_amount, direct_allocated_share, activity_allocated_share,
               average_allocated_share, unallocated_share
        from analytics.allocation_coverage where analysis_year = ?
        """,
        [year],
    ).fetchone()
    assert actual[0] == pytest.approx(expected["relevant_total"], abs=0.01)
    for value, key in zip(actual[1:], ("direct", "activity", "average", "unallocated")):
        assert value == pytest.approx(expected[key], abs=1e-9), key


def test_every_resident_is_in_one_family_and_families_sum_their_members(warehouse):
    orphans, duplicates = warehouse.execute(
        """
        select
            count(*) filter (where n = 0),
            count(*) filter (where n > 1)
        from (
            select residents.analysis_year, residents.person_id, count(families.family_id) as n
            from intermediate.int_residents_at_reference_date as residents
            left join intermediate.int_families_formed as families
              using (analysis_year, person_id)
            group by all
        )
        """
    ).fetchone()
    assert (orphans, duplicates) == (0, 0)
    worst = warehouse.execute(
        """
        select max(abs(families.total_cost - members.total_cost))
        from restricted.family_costs as families
        join (
            select family_id, analysis_year, sum(total_cost) as total_cost
            from restricted.person_costs where is_in_population group by all
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
