"""An empty, partial or repeated extract stops the build with a message naming
the table and month (macro check_extract), before any model runs."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from .conftest import LAST_YEAR, dbt


@pytest.fixture
def copied_warehouse(build, tmp_path):
    copy = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    return copy


def _run(warehouse, tmp_path, *sql):
    with duckdb.connect(str(warehouse)) as con:
        for statement in sql:
            con.execute(statement)
    result = dbt(
        "run", "--select", "stg_population_register__persons",
        warehouse=warehouse, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    return result.returncode, result.stdout + result.stderr


def test_an_unchanged_extract_passes_the_checks(copied_warehouse, tmp_path):
    returncode, output = _run(copied_warehouse, tmp_path)
    assert returncode == 0, output[-3000:]


def test_an_empty_ledger_stops_the_build(copied_warehouse, tmp_path):
    returncode, output = _run(copied_warehouse, tmp_path, "delete from raw.ledger_postings")
    assert returncode != 0
    assert "raw.ledger_postings is empty" in output


def test_a_missing_month_of_an_analysis_year_stops_the_build(copied_warehouse, tmp_path):
    returncode, output = _run(
        copied_warehouse, tmp_path,
        f"delete from raw.ledger_postings where year(booking_date) = {LAST_YEAR} and month(booking_date) = 3",
    )
    assert returncode != 0
    assert f"no posting in month {LAST_YEAR}03 of analysis year {LAST_YEAR}" in output


def test_a_month_sent_twice_under_new_ids_stops_the_build(copied_warehouse, tmp_path):
    returncode, output = _run(
        copied_warehouse, tmp_path,
        "insert into raw.ledger_postings select * replace ('R-' || posting_id as posting_id, "
        "source_row_number + 10000000 as source_row_number) from raw.ledger_postings "
        f"where year(booking_date) = {LAST_YEAR} and month(booking_date) = 5",
    )
    assert returncode != 0
    assert f"month {LAST_YEAR}05 of raw.ledger_postings" in output and "sent twice under new ids" in output


def test_a_table_shrunk_sharply_since_the_previous_load_stops_the_build(copied_warehouse, tmp_path):
    returncode, output = _run(
        copied_warehouse, tmp_path,
        "create table raw.previous_load_control_totals as "
        "select * replace (n_rows * 3 as n_rows) from raw.load_control_totals",
    )
    assert returncode != 0
    with duckdb.connect(str(copied_warehouse), read_only=True) as con:
        (n_now,) = con.execute(
            "select sum(n_rows) from raw.load_control_totals where table_name = 'addresses'"
        ).fetchone()
    assert f"raw.addresses has {n_now} rows, against {3 * n_now} in the previous load" in output
