"""The loader refuses extracts that break the raw contract, naming file and column."""

from __future__ import annotations

import json
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
    assert [c[0] for c in columns] == [c.name for c in RAW_TABLES[4].columns] + ["source_row_number"]


def test_rows_keep_their_file_position_and_the_extract_is_marked(raw, tmp_path):
    load(raw, tmp_path / "w.duckdb")
    ids = pq.read_table(raw / "ledger_postings.parquet", columns=["posting_id"])["posting_id"].to_pylist()
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        loaded = con.execute("select posting_id, source_row_number from raw.ledger_postings").fetchall()
        synthetic = con.execute("select is_synthetic from raw.extract_info").fetchone()[0]
    assert sorted(loaded, key=lambda row: row[1]) == [(pid, i + 1) for i, pid in enumerate(ids)]
    assert synthetic is True


def test_own_extract_without_dataset_json_is_not_synthetic(broken, tmp_path):
    (broken / "dataset.json").unlink(missing_ok=True)
    load(broken, tmp_path / "w.duckdb")
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select is_synthetic from raw.extract_info").fetchone()[0] is False


@pytest.mark.parametrize("change", ["other_rows", "copied_mark_without_hashes"])
def test_a_synthetic_mark_beside_other_files_is_refused(broken, tmp_path, capsys, change):
    if change == "other_rows":
        # real data put beside a generated dataset.json: here one row fewer
        _rewrite(broken / "persons.parquet", lambda rows: rows.slice(1))
    else:
        # a hand-written or older mark that names no files
        info = json.loads((broken / "dataset.json").read_text())
        del info["files"]
        (broken / "dataset.json").write_text(json.dumps(info))
    load(broken, tmp_path / "w.duckdb")
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        synthetic, description = con.execute("select is_synthetic, description from raw.extract_info").fetchone()
    assert synthetic is False
    assert description.startswith("synthetic mark refused") and "persons.parquet" in description
    assert "synthetic mark refused" in capsys.readouterr().err


def test_dates_and_amounts_as_text_are_loaded_as_text(broken, tmp_path):
    def to_text(table: pa.Table) -> pa.Table:
        for name in ("booking_date", "amount"):
            index = table.column_names.index(name)
            table = table.set_column(index, name, table[name].cast(pa.string()))
        return table

    _rewrite(broken / "ledger_postings.parquet", to_text)
    load(broken, tmp_path / "w.duckdb")
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        types = dict(
            con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = 'ledger_postings'"
            ).fetchall()
        )
    assert types["booking_date"] == "VARCHAR" and types["amount"] == "VARCHAR"


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
    # person ids as numbers lose their leading zeros: refused
    def to_number(table: pa.Table) -> pa.Table:
        index = table.column_names.index("person_id")
        return table.set_column(index, "person_id", table["person_id"].cast(pa.int64()))

    _rewrite(broken / "persons.parquet", to_number)
    with pytest.raises(RawContractError, match=r"persons\.parquet: column 'person_id' has type int64, expected string"):
        load(broken, tmp_path / "w.duckdb")


def test_text_where_a_boolean_is_expected_is_refused(broken, tmp_path):
    def to_text(table: pa.Table) -> pa.Table:
        index = table.column_names.index("is_acute")
        return table.set_column(index, "is_acute", table["is_acute"].cast(pa.string()))

    _rewrite(broken / "hospital_contacts.parquet", to_text)
    with pytest.raises(RawContractError, match=r"column 'is_acute' has type string, expected boolean"):
        load(broken, tmp_path / "w.duckdb")


def _ledger_rows(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select count(*) from raw.ledger_postings").fetchone()[0]


def test_a_bad_byte_is_named_and_the_previous_extract_stays(raw, broken, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    load(raw, warehouse)
    before = _ledger_rows(warehouse)

    def latin1_in_row_3(table: pa.Table) -> pa.Table:
        values = [v.encode() for v in table["cost_centre"].to_pylist()]
        values[2] = "K\xf8ge".encode("latin-1")  # an ø from a Latin-1 export
        column = pa.array(values, type=pa.binary()).view(pa.string())
        return table.set_column(table.column_names.index("cost_centre"), "cost_centre", column)

    _rewrite(broken / "ledger_postings.parquet", lambda t: t.slice(0, t.num_rows - 10))
    _rewrite(broken / "service_deliveries.parquet", latin1_in_row_3)
    with pytest.raises(RawContractError) as refused:
        load(broken, warehouse)
    assert str(refused.value) == (
        f"raw file {broken / 'service_deliveries.parquet'}: row 3, column 'cost_centre': text is not valid UTF-8 "
        "(byte 2 of the value); re-export the file with UTF-8 text"
    )
    # the shortened ledger was not loaded beside the old tables
    assert _ledger_rows(warehouse) == before


def test_a_load_failing_half_way_leaves_the_previous_extract_whole(raw, broken, tmp_path, monkeypatch):
    from welfare_segments import loader

    warehouse = tmp_path / "w.duckdb"
    load(raw, warehouse)
    before = _ledger_rows(warehouse)
    _rewrite(broken / "ledger_postings.parquet", lambda t: t.slice(0, t.num_rows - 10))

    def disk_full(*args):
        raise OSError("No space left on device")

    # every table is written when the last step fails
    monkeypatch.setattr(loader, "extract_info_row", disk_full)
    with pytest.raises(OSError):
        load(broken, warehouse)
    assert _ledger_rows(warehouse) == before


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
