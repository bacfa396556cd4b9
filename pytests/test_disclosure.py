"""Disclosure control across tables: the differencing audit (pytests/disclosure_audit.py)
attacks the suite's built analytics marts and must recover nothing."""

from __future__ import annotations

import shutil

import duckdb

from pytests.conftest import dbt
from pytests.disclosure_audit import audit


def test_differencing_the_analytics_marts_recovers_nothing(warehouse):
    findings = {check: found[:3] for check, found in audit(warehouse).items() if found}
    assert findings == {}


def test_the_build_withholds_for_every_rule(warehouse):
    reasons = dict(warehouse.execute(
        "select suppression_reason, count(*) from intermediate.int_cells_withheld group by 1").fetchall())
    assert reasons.get("small_cell", 0) > 0 and reasons.get("complementary", 0) > 0, reasons


def test_the_audit_recovers_cells_when_only_small_cells_are_withheld(build, tmp_path):
    # no complementary pass: the primary rules alone leave figures recoverable
    copy = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    result = dbt(
        "run", "--select", "int_cells_withheld+", "--vars", "{disclosure_passes: 0}",
        warehouse=copy, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with duckdb.connect(str(copy), read_only=True) as con:
        findings = audit(con)
    recovered = {check for check, found in findings.items() if found}
    assert any(check.endswith(("_recovered", "_small_difference")) for check in recovered), recovered
    assert not findings["small_published_count"]


def test_the_joint_attack_recovers_what_one_equation_at_a_time_misses(build, tmp_path):
    # without the groups that protect figures the equations fix only
    # together (a complete list's costs, a line less another, a cell of the
    # catalogue the lines fix), every equation alone still protects its
    # cells, and the joint attack recovers figures
    copy = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("delete from intermediate.int_disclosure_relations where group_kind in ('together', 'follow')"
                    " or group_id like 'difference|%'")
    result = dbt("run", "--select", "int_cells_withheld+", warehouse=copy, target_dir=tmp_path / "t",
                 log_dir=tmp_path / "l")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with duckdb.connect(str(copy), read_only=True) as con:
        findings = {check: found for check, found in audit(con).items() if found}
    assert findings.get("jointly_recovered"), findings
