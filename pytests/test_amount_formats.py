"""Text amounts mean what they say: parsed by the declared amount_format, and
a text the format does not settle, a non-finite or an implausible number is
quarantined with its own reason and its raw text, never misread or a crash."""

from __future__ import annotations

import json
import math

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pytests.conftest import LAST_YEAR, TEST_SEED, dbt
from welfare_segments.generator import generate
from welfare_segments.loader import load

# raw text -> (reasons under 'point', amount under 'danish' or its reason)
AMOUNTS = {
    "12.500": ("ambiguous_amount_format", 12500.0),
    "3.750": ("ambiguous_amount_format", 3750.0),
    "9.147,54": ("ambiguous_amount_format", 9147.54),
    "NaN": ("non_finite_amount", "non_finite_amount"),
    "-Infinity": ("non_finite_amount", "non_finite_amount"),
    "1e17": ("amount_out_of_bounds", "amount_out_of_bounds"),
    "1e12": ("amount_out_of_bounds", "amount_out_of_bounds"),
    "1234.5": (1234.5, "ambiguous_amount_format"),
}
UNITS = [math.nan, math.inf, 1e12]


def _build(root, dataset_format=None, vars_=None):
    raw_dir, warehouse = root / "raw", root / "welfare.duckdb"
    generate(raw_dir, persons=300, seed=TEST_SEED, years=1, last_year=LAST_YEAR, faults=0.0)
    path = raw_dir / "ledger_postings.parquet"
    table = pq.read_table(path)
    texts = [None if v is None else str(v) for v in table["amount"].to_pylist()]
    texts[: len(AMOUNTS)] = list(AMOUNTS)
    index = table.schema.get_field_index("amount")
    pq.write_table(table.set_column(index, "amount", pa.array(texts, pa.string())), path)
    path = raw_dir / "service_deliveries.parquet"
    table = pq.read_table(path)
    units = table["activity_units"].to_pylist()
    units[: len(UNITS)] = UNITS
    index = table.schema.get_field_index("activity_units")
    pq.write_table(table.set_column(index, "activity_units", pa.array(units, pa.float64())), path)
    if dataset_format:
        info = json.loads((raw_dir / "dataset.json").read_text())
        info["amount_format"] = dataset_format
        (raw_dir / "dataset.json").write_text(json.dumps(info))
    load(raw_dir, warehouse)
    args = ["run", "-s", "+int_ledger_postings_validated", "+int_service_deliveries_validated"]
    if vars_:
        args += ["--vars", json.dumps(vars_)]
    seeded = dbt("seed", warehouse=warehouse, target_dir=root / "target", log_dir=root / "logs")
    assert seeded.returncode == 0, seeded.stdout[-3000:]
    built = dbt(*args, warehouse=warehouse, target_dir=root / "target", log_dir=root / "logs")
    assert built.returncode == 0, built.stdout[-3000:]
    con = duckdb.connect(str(warehouse), read_only=True)
    schema = con.execute(
        "select table_schema from information_schema.tables where table_name = 'int_ledger_postings_validated'"
    ).fetchone()[0]
    return con, schema


def _ledger(con, schema):
    rows = con.execute(
        f"select amount_text, amount, rejection_reasons from {schema}.int_ledger_postings_validated "
        f"where source_row_number <= {len(AMOUNTS)}"
    ).fetchall()
    return {text: (amount, reasons) for text, amount, reasons in rows}


def _check(rows, expected_index):
    for text, expected in AMOUNTS.items():
        amount, reasons = rows[text]
        expected = expected[expected_index]
        if isinstance(expected, float):
            assert float(amount) == pytest.approx(expected), text
            assert reasons == "" or "amount" not in reasons, (text, reasons)
        else:
            assert amount is None and expected in reasons.split(";"), (text, reasons)


def test_point_format_quarantines_ambiguous_non_finite_and_implausible(tmp_path):
    con, schema = _build(tmp_path)
    _check(_ledger(con, schema), 0)
    units = con.execute(
        f"select activity_units, rejection_reasons from {schema}.int_service_deliveries_validated "
        f"where source_row_number <= {len(UNITS)} order by source_row_number"
    ).fetchall()
    assert [u for u, _ in units] == [None, None, None]
    assert "non_finite_activity_units" in units[0][1] and "non_finite_activity_units" in units[1][1]
    assert "activity_units_out_of_bounds" in units[2][1]


def test_danish_format_from_dataset_json_settles_thousands(tmp_path):
    con, schema = _build(tmp_path, dataset_format="danish")
    _check(_ledger(con, schema), 1)


def test_the_var_wins_over_dataset_json(tmp_path):
    con, schema = _build(tmp_path, dataset_format="danish", vars_={"amount_format": "point"})
    _check(_ledger(con, schema), 0)
