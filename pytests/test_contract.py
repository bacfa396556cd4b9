"""The dbt sources declare exactly the raw contract the loader enforces."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from welfare_segments.contract import RAW_TABLES
from welfare_segments.loader import load

from .conftest import dbt

# one folder per source, its yml beside its staging models
STAGING = Path(__file__).resolve().parents[1] / "models" / "staging"


def test_sources_match_the_contract():
    declared = {
        (source["name"], table["name"]): [
            (c["name"], c["meta"]["contract_type"], c["meta"]["nullable"], c["meta"].get("optional", False),
             c["description"].strip())
            for c in table["columns"]
            if c.get("meta", {}).get("added_by") != "loader"
        ]
        for path in sorted(STAGING.glob("*/_*__models.yml"))
        for source in yaml.safe_load(path.read_text())["sources"]
        if source["name"] != "loader"
        for table in source["tables"]
    }
    expected = {
        (t.source, t.name): [(c.name, c.type, c.nullable, c.optional, c.description) for c in t.columns]
        for t in RAW_TABLES
    }
    assert declared == expected


def test_each_source_has_its_own_staging_folder():
    for path in sorted(STAGING.glob("*/_*__models.yml")):
        declared = yaml.safe_load(path.read_text())
        assert [source["name"] for source in declared["sources"]] == [path.parent.name], path
        assert all(model["name"].startswith(f"stg_{path.parent.name}__") for model in declared["models"]), path
        assert {p.stem for p in path.parent.glob("*.sql")} == {model["name"] for model in declared["models"]}, path
    assert not list(STAGING.glob("*.sql")) and not list(STAGING.glob("*.yml"))


def test_every_contract_column_is_described():
    assert all(c.description.strip() for t in RAW_TABLES for c in t.columns)
    assert all(t.description.strip() and t.key for t in RAW_TABLES)


def test_a_contract_v1_extract_still_builds(build, tmp_path):
    """An extract without the optional columns of contract v2 loads (they
    arrive empty) and builds: no refunds, no grouping, no legal basis."""
    v1 = tmp_path / "raw_v1"
    shutil.copytree(build.raw_dir, v1)
    for table in RAW_TABLES:
        optional = [c.name for c in table.columns if c.optional]
        if optional:
            rows = pq.read_table(v1 / table.file_name)
            pq.write_table(rows.drop_columns(optional), v1 / table.file_name)
    (v1 / "dataset.json").unlink()  # the files no longer match its hashes
    warehouse = tmp_path / "welfare.duckdb"
    load(v1, warehouse)
    built = dbt(
        "build", "--indirect-selection", "cautious", "--select", "resource_type:seed", "+int_ledger_postings_validated",
        "+int_service_deliveries_validated",
        warehouse=warehouse, target_dir=tmp_path / "target", log_dir=tmp_path / "logs",
    )
    assert built.returncode == 0, built.stdout[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        postings = con.execute(
            "select count(*), count(account_grouping), sum(statutory_refund_amount + expensive_case_refund_amount), "
            "sum(gross_amount) = sum(amount), count(*) filter (where rejection_reasons like '%invalid_refund%') "
            "from intermediate.int_ledger_postings_validated"
        ).fetchone()
        deliveries = con.execute(
            "select count(*), count(account_grouping) + count(legal_basis) + count(provider_type) + count(department) "
            "from intermediate.int_service_deliveries_validated"
        ).fetchone()
    assert postings[0] > 0 and postings[1:] == (0, 0, True, 0)
    assert deliveries[0] > 0 and deliveries[1] == 0


def test_an_unusable_refund_quarantines_its_posting(build, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(build.raw_dir, raw)
    (raw / "dataset.json").unlink()
    ledger = pq.read_table(raw / "ledger_postings.parquet")
    refunds = ledger["statutory_refund_amount"].to_pylist()
    refunds[0], refunds[1] = float("nan"), 1e17
    column = ledger.schema.get_field_index("statutory_refund_amount")
    pq.write_table(ledger.set_column(column, "statutory_refund_amount", pa.array(refunds)), raw / "ledger_postings.parquet")
    warehouse = tmp_path / "welfare.duckdb"
    load(raw, warehouse)
    built = dbt("build", "--indirect-selection", "cautious", "--select", "resource_type:seed", "+int_ledger_postings_validated",
                warehouse=warehouse, target_dir=tmp_path / "target", log_dir=tmp_path / "logs")
    assert built.returncode == 0, built.stdout[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        flagged = con.execute(
            "select source_row_number from intermediate.int_ledger_postings_validated "
            "where rejection_reasons like '%invalid_refund%' order by 1"
        ).fetchall()
    assert flagged == [(1,), (2,)]
