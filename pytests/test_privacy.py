"""Privacy by construction: pseudonyms from staging on, a key for real data,
person-level data in restricted schemas, no small cells in analyst marts."""

from __future__ import annotations

import shutil

import duckdb
import pyarrow.parquet as pq
import pytest

from welfare_segments.dbt_duckdb_plugin import set_pads
from welfare_segments.privacy import SYNTHETIC_DEMO_KEY, pseudonymise

from .conftest import dbt

PERSON_LEVEL_SCHEMAS = {"raw"}


def _string_columns(con, exclude_schemas):
    return con.execute(
        f"""
        select table_schema, table_name, column_name
        from information_schema.columns
        where data_type = 'VARCHAR'
          and table_schema not in ({", ".join(f"'{s}'" for s in exclude_schemas)})
        """
    ).fetchall()


def test_no_raw_person_id_outside_the_raw_schema(build):
    # staging views read the key's pads from session variables the plugin sets
    warehouse = duckdb.connect(str(build.warehouse), read_only=True)
    set_pads(warehouse)
    raw_ids = set(pq.read_table(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"].to_pylist())
    assert len(raw_ids) > 1000
    leaks = []
    columns = _string_columns(warehouse, PERSON_LEVEL_SCHEMAS)
    assert len(columns) > 50
    for schema, table, column in columns:
        values = {
            row[0]
            for row in warehouse.execute(f'select distinct "{column}" from "{schema}"."{table}"').fetchall()
        }
        # also ids embedded in composite keys (family ids, residence keys)
        found = values & raw_ids or {v for v in values if v and any(part in raw_ids for part in v.replace("|", "-").split("-"))}
        if found:
            leaks.append((schema, table, column, sorted(found)[:3]))
    assert leaks == []


def test_person_ids_downstream_are_the_keyed_hash(build, warehouse):
    raw_ids = pq.read_table(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"].to_pylist()[:50]
    pseudonyms = {row[0] for row in warehouse.execute("select person_id from restricted.person_costs").fetchall()}
    assert {pseudonymise(raw_id, SYNTHETIC_DEMO_KEY.encode()) for raw_id in raw_ids} <= pseudonyms


def test_person_level_tables_only_in_restricted_schemas(warehouse):
    holders = {
        schema
        for (schema,) in warehouse.execute(
            """
            select distinct table_schema from information_schema.columns
            where column_name in ('person_id', 'family_id', 'unit_id')
            """
        ).fetchall()
    }
    assert holders <= {"raw", "staging", "intermediate", "restricted", "quarantine"}
    assert "analytics" not in holders


def test_no_analyst_mart_publishes_a_small_cell(warehouse):
    min_cell_size = 5
    count_columns = warehouse.execute(
        """
        select table_name, column_name from information_schema.columns
        where table_schema = 'analytics'
          and (column_name like 'n\\_%' escape '\\' or column_name like '%\\_size' escape '\\')
        """
    ).fetchall()
    assert len(count_columns) >= 6
    small = []
    for table, column in count_columns:
        n = warehouse.execute(
            f'select count(*) from analytics."{table}" where "{column}" between 1 and {min_cell_size - 1}'
        ).fetchone()[0]
        if n:
            small.append((table, column, n))
    assert small == []


def test_small_cells_are_withheld_and_flagged_not_dropped(warehouse):
    # the test data is small enough that some overlap counts fall below 5
    rows, suppressed, flagged_without_nulls = warehouse.execute(
        """
        select count(*), count(*) filter (where is_suppressed),
               count(*) filter (where is_suppressed and n_in_both is not null and n_top_municipal is not null)
        from analytics.top_spender_overlap
        """
    ).fetchone()
    assert rows == 2 * 2 * 4  # years x populations x top percents: nothing dropped
    assert suppressed >= 1
    assert flagged_without_nulls == 0


@pytest.fixture
def copied_warehouse(build, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(build.warehouse, copy)
    return copy


def test_build_refuses_a_real_extract_without_a_key(copied_warehouse, tmp_path, monkeypatch):
    with duckdb.connect(str(copied_warehouse)) as con:
        con.execute("update raw.extract_info set is_synthetic = false")
    monkeypatch.delenv("WELFARE_PSEUDONYM_KEY", raising=False)
    result = dbt(
        "run", "--select", "stg_population_register__persons",
        warehouse=copied_warehouse, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    assert result.returncode != 0
    assert "WELFARE_PSEUDONYM_KEY is not set" in result.stdout + result.stderr


def test_a_key_from_the_environment_changes_every_pseudonym(build, copied_warehouse, tmp_path, monkeypatch):
    with duckdb.connect(str(copied_warehouse)) as con:
        con.execute("update raw.extract_info set is_synthetic = false")
    monkeypatch.setenv("WELFARE_PSEUDONYM_KEY", "a-secret-only-this-test-knows")
    result = dbt(
        "run", "--select", "stg_population_register__persons",
        warehouse=copied_warehouse, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    assert result.returncode == 0, result.stdout[-3000:]
    # the key reaches the engine, never the SQL that dbt compiled
    compiled = "".join(p.read_text() for p in (tmp_path / "t").rglob("*.sql"))
    assert "a-secret-only-this-test-knows" not in compiled
    raw_id = pq.read_table(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"][0].as_py()
    with duckdb.connect(str(copied_warehouse), read_only=True) as con:
        set_pads(con)
        ids = {row[0] for row in con.execute("select person_id from staging.stg_population_register__persons").fetchall()}
    assert pseudonymise(raw_id, b"a-secret-only-this-test-knows") in ids
    assert pseudonymise(raw_id, SYNTHETIC_DEMO_KEY.encode()) not in ids
