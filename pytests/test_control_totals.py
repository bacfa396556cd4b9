"""Control totals: the loader counts rows and kroner in every raw file before
loading it, and audit.extract_reconciliation accounts for every one of them
(rows in = rows accounted for, kroner in = kroner accounted for)."""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from welfare_segments.contract import RAW_TABLES, file_sha256

from .conftest import dbt


def _reconciliation(con) -> pd.DataFrame:
    return con.execute("select * from audit.extract_reconciliation").df()


def assert_every_row_and_krone_is_accounted_for(built) -> int:
    """The reconciliation of a build against its raw files; returns the rows quarantined."""
    assert built.returncode == 0, built.output[-3000:]
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        lines = _reconciliation(con)
        n_quarantined = con.execute("select count(*) from quarantine.rejected_rows").fetchone()[0]
    assert (lines["row_difference"] == 0).all()
    assert (lines["amount_count_difference"] == 0).all()
    assert lines["amount_difference"].abs().max() <= 0.01
    by_table = lines.groupby("table_name")
    for table in RAW_TABLES:
        path = built.raw_dir / table.file_name
        assert by_table["n_rows_in"].sum()[table.name] == pq.read_metadata(path).num_rows, table.name
        assert set(by_table.get_group(table.name)["file_sha256"]) == {file_sha256(path)}
    # the ledger's kroner as a reader of the file would add them up
    ledger = pd.to_numeric(pd.read_parquet(built.raw_dir / "ledger_postings.parquet")["amount"], errors="coerce")
    ledger = ledger[ledger.abs() < float("inf")]
    assert by_table["amount_in"].sum()["ledger_postings"] == pytest.approx(ledger.round(2).sum(), abs=0.01)
    # every quarantined row is one of the rows accounted for
    assert lines["n_rows_quarantined"].sum() == n_quarantined
    return n_quarantined


def test_every_row_and_krone_of_the_files_is_accounted_for(build):
    assert assert_every_row_and_krone_is_accounted_for(build) == 0


def test_rows_lost_or_changed_after_the_load_fail_the_reconciliation(build, tmp_path):
    copy = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        month = con.execute(
            "select min(year(booking_date) * 100 + month(booking_date)) from raw.ledger_postings"
        ).fetchone()[0]
        con.execute(
            "delete from raw.ledger_postings where source_row_number in "
            f"(select source_row_number from raw.ledger_postings "
            f"where year(booking_date) * 100 + month(booking_date) = {month} order by source_row_number limit 3)"
        )
        con.execute(
            "update raw.hospital_contacts set tariff_amount = tariff_amount + 100 "
            "where source_row_number = 1"
        )
    result = dbt(
        "build", "--select", "+extract_reconciliation",
        warehouse=copy, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "expression_is_true_extract_reconciliation" in output
    with duckdb.connect(str(copy), read_only=True) as con:
        lines = _reconciliation(con).set_index(["table_name", "record_month"])
    assert lines.loc[("ledger_postings", month), "row_difference"] == -3
    assert (lines.xs("hospital_contacts")["amount_difference"].round(2) == 100).sum() == 1
    assert (lines.drop(index=[("ledger_postings", month)])["row_difference"] == 0).all()
