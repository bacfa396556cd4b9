"""GX data docs never show an individual value of a person-level mart."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from welfare_segments import validation

# distinctive costs planted in restricted.person_costs: they fail the
# expectations on municipal_cost (minimum) and total_cost (mostly >= 0)
PLANTED = ("-987654.25", "-876543.75")


@pytest.fixture(scope="module")
def planted_warehouse(build, tmp_path_factory):
    assert build.returncode == 0
    copy = tmp_path_factory.mktemp("gx_private") / "welfare.duckdb"
    shutil.copyfile(build.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        (rows,) = con.execute("select count(*) from restricted.person_costs").fetchone()
        for index, value in enumerate(PLANTED):
            con.execute(
                f"update restricted.person_costs set total_cost = {value}, municipal_cost = {value}, "
                f"regional_cost = 0 where person_id in (select person_id from restricted.person_costs "
                f"order by person_id limit {max(rows // 100, 2)} offset {index * max(rows // 100, 2)})"
            )
    return copy


def _leaks(docs_dir) -> list[str]:
    found = []
    for path in docs_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.name}: {value}" for value in PLANTED if value.rstrip("0").rstrip(".") in text
                      or value.replace("-", "−") in text]
    return found


def test_failing_person_level_expectation_renders_no_value(planted_warehouse, tmp_path):
    summary = validation.validate(planted_warehouse, tmp_path / "docs")
    failed = {outcome.column for outcome in summary.suite("person_costs").expectations if not outcome.success}
    assert "municipal_cost" in failed
    assert _leaks(tmp_path / "docs") == []
    assert not any(value in validation.format_summary(summary) for value in PLANTED)


def test_scan_finds_values_when_the_result_format_shows_them(planted_warehouse, tmp_path, monkeypatch):
    """The scan can fail: with the aggregate marts' format, GX prints the planted costs."""
    monkeypatch.setattr(validation, "PERSON_LEVEL_SCHEMAS", ())
    validation.validate(planted_warehouse, tmp_path / "docs")
    assert _leaks(tmp_path / "docs")
