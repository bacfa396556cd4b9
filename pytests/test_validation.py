"""The great-expectations suite over the marts: passes on a good build, fails on corrupted data.

The good build is the session's warehouse (the `warehouse` fixture holds a
read-only connection to it, so validation must open the file read-only too).
The bad build is a copy of it with a few values broken on purpose.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from welfare_segments.cli import main
from welfare_segments.validation import ValidationSummary, validate

BETWEEN = "expect_column_values_to_be_between"


@pytest.fixture(scope="module")
def good(build, warehouse, tmp_path_factory) -> ValidationSummary:
    return validate(build.warehouse, tmp_path_factory.mktemp("gx_good") / "docs")


@pytest.fixture(scope="module")
def corrupted_warehouse(build, warehouse, tmp_path_factory):
    copy = tmp_path_factory.mktemp("gx_bad") / "welfare.duckdb"
    shutil.copyfile(build.warehouse, copy)
    wal = build.warehouse.with_name(build.warehouse.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
    con = duckdb.connect(str(copy))
    try:
        (schema,) = con.execute(
            "select table_schema from information_schema.tables where table_name = 'allocation_reconciliation' "
            "and table_schema in ('audit', 'analytics') order by table_schema = 'audit' desc limit 1"
        ).fetchone()
        # one reconciliation line off by 5 kr
        con.execute(
            f"update {schema}.allocation_reconciliation set difference = 5.0 "
            f"where rowid = (select min(rowid) from {schema}.allocation_reconciliation)"
        )
        # a share above 1 (which also breaks allocated + unallocated + quarantined = 1)
        con.execute(
            "update analytics.allocation_coverage set unallocated_share = 1.5 "
            "where rowid = (select min(rowid) from analytics.allocation_coverage)"
        )
        # swap the shares of the smallest and largest top_percent of one group: they decrease
        group = "analysis_year = ? and population = 'citizens' and cost_scope = 'total'"
        (year,) = con.execute("select min(analysis_year) from analytics.cost_concentration").fetchone()
        shares = con.execute(
            f"select top_percent, share_of_cost from analytics.cost_concentration where {group} order by top_percent",
            [year],
        ).fetchall()
        (low, low_share), (high, high_share) = shares[0], shares[-1]
        assert low_share < high_share
        for top_percent, share in ((low, high_share), (high, low_share)):
            con.execute(
                f"update analytics.cost_concentration set share_of_cost = ? where {group} and top_percent = ?",
                [share, year, top_percent],
            )
        # more units in both groups than in the municipal group; and, as a small
        # cell is withheld, a null count in another row, which is no failure
        con.execute(
            "update analytics.top_spender_overlap set n_in_both = n_top_municipal + 1 "
            "where rowid = (select min(rowid) from analytics.top_spender_overlap where n_in_both is not null)"
        )
        con.execute(
            "update analytics.top_spender_overlap set n_in_both = null, share_in_both = null "
            "where rowid = (select max(rowid) from analytics.top_spender_overlap)"
        )
        # 0.5 % of person rows with a negative total (beyond `mostly` 0.999) ...
        (rows,) = con.execute("select count(*) from restricted.person_costs").fetchone()
        con.execute(
            "update restricted.person_costs set total_cost = -1000, municipal_cost = -1000, regional_cost = 0 "
            "where rowid in (select rowid from restricted.person_costs order by rowid limit ?)",
            [rows // 200 + 2],
        )
        # ... and one far below the municipal floor (which also breaks total = municipal + regional)
        con.execute(
            "update restricted.person_costs set municipal_cost = -60000 "
            "where rowid = (select max(rowid) from restricted.person_costs)"
        )
    finally:
        con.close()
    return copy


@pytest.fixture(scope="module")
def bad(corrupted_warehouse, tmp_path_factory) -> ValidationSummary:
    return validate(corrupted_warehouse, tmp_path_factory.mktemp("gx_bad_docs") / "docs")


def _single(summary: ValidationSummary, suite: str, expectation: str, column: str):
    (outcome,) = summary.find(suite, expectation, column)
    return outcome


def test_suite_passes_on_the_built_warehouse(good):
    assert good.success, "\n".join(f"{o.suite} {o.expectation} {o.column} {o.detail()}" for o in good.failures)
    assert [suite.suite for suite in good.suites] == [
        "cost_concentration", "top_spender_overlap", "allocation_reconciliation", "allocation_coverage", "person_costs",
        "segment_profiles", "segment_overlap",
    ]
    assert all(suite.rows > 0 for suite in good.suites)
    assert len(good.outcomes) >= 50
    # the required checks are all there
    for suite, expectation, column in [
        ("cost_concentration", BETWEEN, "share_of_cost"),
        ("cost_concentration", BETWEEN, "share_of_cost_step"),
        ("cost_concentration", "expect_compound_columns_to_be_unique", "analysis_year,population,cost_scope,top_percent"),
        ("cost_concentration", BETWEEN, "n_units"),
        ("cost_concentration", "expect_column_values_to_be_in_type_list", "n_units"),
        ("top_spender_overlap", BETWEEN, "share_in_both"),
        ("top_spender_overlap", "expect_column_pair_values_a_to_be_greater_than_b", "n_top_municipal>=n_in_both"),
        ("allocation_reconciliation", BETWEEN, "difference"),
        ("allocation_coverage", BETWEEN, "accounted_share"),
        ("allocation_coverage", BETWEEN, "quarantined_share"),
        ("person_costs", BETWEEN, "cost_split_difference"),
        ("person_costs", BETWEEN, "total_cost"),
        ("person_costs", BETWEEN, "municipal_cost"),
        ("person_costs", "expect_column_values_to_not_be_null", "person_id"),
        ("segment_profiles", "expect_column_values_to_not_be_in_set", "n_units"),
        ("segment_profiles", BETWEEN, "share_of_segment"),
        ("segment_overlap", "expect_column_values_to_not_be_in_set", "n_units_in_both"),
    ]:
        assert _single(good, suite, expectation, column).success
    coverage_shares = {o.column for o in good.find("allocation_coverage", BETWEEN)}
    assert {"allocated_share", "direct_allocated_share", "activity_allocated_share", "average_allocated_share",
            "unallocated_share", "quarantined_share"} <= coverage_shares


def test_suite_writes_data_docs(good):
    index = good.docs_index
    assert index.name == "index.html" and index.is_file()
    html = index.read_text()
    for suite in ("cost_concentration", "allocation_reconciliation", "person_costs"):
        assert suite in html
    assert list((index.parent / "validations").rglob("*.html"))


def test_suite_fails_on_corrupted_data(bad):
    assert not bad.success
    difference = _single(bad, "allocation_reconciliation", BETWEEN, "difference")
    assert not difference.success and difference.unexpected_count == 1
    assert not _single(bad, "allocation_coverage", BETWEEN, "unallocated_share").success
    assert not _single(bad, "allocation_coverage", BETWEEN, "accounted_share").success
    step = _single(bad, "cost_concentration", BETWEEN, "share_of_cost_step")
    assert not step.success and step.unexpected_count >= 1
    assert not _single(bad, "person_costs", BETWEEN, "total_cost").success  # beyond `mostly`
    municipal = _single(bad, "person_costs", BETWEEN, "municipal_cost")
    assert not municipal.success and municipal.unexpected_count == 1
    assert not _single(bad, "person_costs", BETWEEN, "cost_split_difference").success
    # untouched checks still pass: the failures point at what was broken
    assert {(o.suite, o.column) for o in bad.failures} == {
        ("allocation_reconciliation", "difference"),
        ("allocation_coverage", "unallocated_share"),
        ("allocation_coverage", "accounted_share"),
        ("cost_concentration", "share_of_cost_step"),
        ("person_costs", "total_cost"),
        ("person_costs", "municipal_cost"),
        ("person_costs", "cost_split_difference"),
        ("top_spender_overlap", "n_top_municipal>=n_in_both"),
        ("top_spender_overlap", "n_top_regional>=n_in_both"),
    }
    overlap = _single(bad, "top_spender_overlap", "expect_column_pair_values_a_to_be_greater_than_b",
                      "n_top_municipal>=n_in_both")
    assert overlap.unexpected_count == 1  # the null count is not a violation


def test_cli_exit_codes(build, warehouse, corrupted_warehouse, tmp_path, capsys):
    assert main(["validate", "--warehouse", str(build.warehouse), "--docs-dir", str(tmp_path / "good")]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "PASSED" in out
    assert (tmp_path / "good" / "index.html").is_file()

    assert main(["validate", "--warehouse", str(corrupted_warehouse), "--docs-dir", str(tmp_path / "bad")]) == 1
    lines = capsys.readouterr().out.splitlines()
    failed = [line for line in lines if " FAIL " in f"{line} "]
    assert any(line.startswith("allocation_reconciliation") and " difference " in line for line in failed)
    assert lines[-2].startswith("FAILED:")


def test_cli_missing_warehouse(tmp_path, capsys):
    assert main(["validate", "--warehouse", str(tmp_path / "none.duckdb"), "--docs-dir", str(tmp_path / "docs")]) == 2
    assert "does not exist" in capsys.readouterr().err
