"""Calibration of the synthetic municipality at Stevns size: the demo's build against the published
Stevns 2017 figures, within the tolerances of welfare_segments.calibration (the same figures
`welfare-segments calibration` prints)."""

from __future__ import annotations

import pytest

from pytests.conftest import dbt
from welfare_segments.calibration import report
from welfare_segments.generator import generate
from welfare_segments.loader import load

YEAR = 2025


@pytest.fixture(scope="module")
def stevns(tmp_path_factory):
    root = tmp_path_factory.mktemp("stevns")
    generate(root / "raw", persons=22600, seed=20240101, years=1, last_year=YEAR)
    load(root / "raw", root / "welfare.duckdb")
    built = dbt("build", "--exclude", "test_type:data", warehouse=root / "welfare.duckdb",
                target_dir=root / "target", log_dir=root / "logs")
    assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    text, rows = report(root / "welfare.duckdb")
    return text, {r.figure: r for r in rows}


@pytest.mark.parametrize("group", ["citizens", "families", "concentration", "top-spender overlap", "allocation", "segment"])
def test_figures_within_tolerance_of_stevns(stevns, group):
    text, rows = stevns
    outside = [(r.figure, r.published, r.measured) for name, r in rows.items()
               if name.startswith(group) and not r.within]
    assert [name for name in rows if name.startswith(group)], group
    assert outside == [], text


def test_the_report_fails_a_figure_outside_its_tolerance(stevns):
    _, rows = stevns
    row = rows["families with children"]
    moved = type(row)(row.figure, row.published, row.published * 1.11, row.kind, row.tolerance)
    assert row.within and not moved.within
