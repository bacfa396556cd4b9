"""The loader refuses extracts that break the raw contract, naming file and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from welfare_segments.cli import main
from welfare_segments.contract import RAW_TABLES
from welfare_segments.generator import generate
from welfare_segments.loader import RawContractError, load


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    generate(out, persons=500, seed=3)
    return out


@pytest.fixture
def broken(raw, tmp_path) -> Path:
    copy = tmp_path / "raw"
    shutil.copytree(raw, copy)
    return copy


def _rewrite(path: Path, change) -> None:
    pq.write_table(change(pq.read_table(path)), path)


def test_clean_extracts_load_with_every_row(raw, tmp_path):
    counts = load(raw, tmp_path / "w.duckdb")
    assert counts == {t.name: pq.read_metadata(raw / t.file_name).num_rows for t in RAW_TABLES}
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        columns = con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'raw' and table_name = 'ledger_postings' order by ordinal_position"
        ).fetchall()
    assert [c[0] for c in columns] == [c.name for c in RAW_TABLES[4].columns]


def test_missing_file_is_named(broken, tmp_path):
    (broken / "hospital_contacts.parquet").unlink()
    with pytest.raises(RawContractError, match=r"hospital_contacts\.parquet: missing"):
        load(broken, tmp_path / "w.duckdb")


def test_missing_column_is_named_with_the_expected_type(broken, tmp_path):
    _rewrite(broken / "ledger_postings.parquet", lambda t: t.drop(["amount"]))
    with pytest.raises(RawContractError, match=r"ledger_postings\.parquet: column 'amount' is missing \(expected double"):
        load(broken, tmp_path / "w.duckdb")


def test_renamed_column_is_named(broken, tmp_path):
    _rewrite(
        broken / "persons.parquet",
        lambda t: t.rename_columns(["birthdate" if n == "birth_date" else n for n in t.column_names]),
    )
    with pytest.raises(RawContractError, match=r"persons\.parquet: column 'birth_date' is missing"):
        load(broken, tmp_path / "w.duckdb")


def test_wrong_type_is_named_with_found_and_expected(broken, tmp_path):
    def to_text(table: pa.Table) -> pa.Table:
        index = table.column_names.index("booking_date")
        return table.set_column(index, "booking_date", table["booking_date"].cast(pa.string()))

    _rewrite(broken / "ledger_postings.parquet", to_text)
    with pytest.raises(RawContractError, match=r"column 'booking_date' has type string, expected date"):
        load(broken, tmp_path / "w.duckdb")


def test_nothing_is_loaded_when_one_file_is_broken(broken, tmp_path):
    _rewrite(broken / "relations.parquet", lambda t: t.drop(["relation_type"]))
    with pytest.raises(RawContractError):
        load(broken, tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()


def test_cli_prints_one_line_error_and_exits_2(broken, tmp_path, capsys):
    _rewrite(broken / "service_deliveries.parquet", lambda t: t.drop(["cost_centre"]))
    code = main(["load", "--raw-dir", str(broken), "--warehouse", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "service_deliveries.parquet" in err and "'cost_centre'" in err
