"""Privacy by construction: pseudonyms from staging on, a key for real data,
person-level data in restricted schemas, no small cells in analyst marts."""

from __future__ import annotations

import re
import shutil

import duckdb
import pyarrow.parquet as pq
import pytest

from welfare_segments.dbt_duckdb_plugin import set_pads
from welfare_segments.privacy import SYNTHETIC_DEMO_KEY, hmac_pads, pseudonymise

from .conftest import TEST_KEY, dbt

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
    assert {pseudonymise(raw_id, TEST_KEY.encode()) for raw_id in raw_ids} <= pseudonyms


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
               count(*) filter (where is_suppressed and n_in_both is not null and n_top_municipal is not null
                                and n_top_regional is not null)
        from analytics.top_spender_overlap
        """
    ).fetchone()
    assert rows == 2 * 2 * 4  # years x populations x top percents: nothing dropped
    assert suppressed >= 1
    assert flagged_without_nulls == 0


@pytest.fixture
def copied_warehouse(build, tmp_path):
    copy = tmp_path / "welfare.duckdb"
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


OTHER_KEY = "a-secret-only-this-test-knows-0123456789"


def _refusal(warehouse, tmp_path, *args):
    result = dbt(
        "run", "--select", "stg_population_register__persons", *args,
        warehouse=warehouse, target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("too-short-a-key", "fewer than var pseudonym_key_min_length (32)"),
        (SYNTHETIC_DEMO_KEY, "is the public demo key"),
        ("a key with spaces that is long enough to pass", "letters, digits"),
    ],
)
def test_build_refuses_a_weak_key_on_a_real_extract(copied_warehouse, tmp_path, monkeypatch, key, message):
    with duckdb.connect(str(copied_warehouse)) as con:
        con.execute("update raw.extract_info set is_synthetic = false")
    monkeypatch.setenv("WELFARE_PSEUDONYM_KEY", key)
    returncode, output = _refusal(copied_warehouse, tmp_path, "--full-refresh")
    assert returncode != 0
    assert "Refusing to build" in output and message in output


def test_an_incremental_run_with_another_key_or_other_seeds_is_refused(copied_warehouse, tmp_path, monkeypatch):
    # the months built with TEST_KEY would keep pseudonyms of the old key
    monkeypatch.setenv("WELFARE_PSEUDONYM_KEY", OTHER_KEY)
    returncode, output = _refusal(copied_warehouse, tmp_path)
    assert returncode != 0
    assert "was built with another pseudonymisation key" in output and "--full-refresh" in output
    monkeypatch.setenv("WELFARE_PSEUDONYM_KEY", TEST_KEY)
    returncode, output = _refusal(copied_warehouse, tmp_path)
    assert returncode == 0, output[-3000:]
    # months classified with another function catalogue (as a seed edited
    # since would leave them) would mix two catalogues
    with duckdb.connect(str(copied_warehouse)) as con:
        con.execute("update intermediate.int_ledger_postings_classified set reference_fingerprint = 'before an edit'")
    returncode, output = _refusal(copied_warehouse, tmp_path)
    assert returncode != 0
    assert "keeps months built with other reference data" in output and "function_catalogue" in output
    assert "--full-refresh" in output


def test_a_key_from_the_environment_changes_every_pseudonym(build, copied_warehouse, tmp_path, monkeypatch):
    with duckdb.connect(str(copied_warehouse)) as con:
        con.execute("update raw.extract_info set is_synthetic = false")
    monkeypatch.setenv("WELFARE_PSEUDONYM_KEY", OTHER_KEY)
    returncode, output = _refusal(copied_warehouse, tmp_path, "--full-refresh")
    assert returncode == 0, output[-3000:]
    # the key reaches the engine, never the SQL that dbt compiled
    compiled = "".join(p.read_text() for p in (tmp_path / "t").rglob("*.sql"))
    assert OTHER_KEY not in compiled
    raw_id = pq.read_table(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"][0].as_py()
    with duckdb.connect(str(copied_warehouse), read_only=True) as con:
        set_pads(con)
        ids = {row[0] for row in con.execute("select person_id from staging.stg_population_register__persons").fetchall()}
    assert pseudonymise(raw_id, OTHER_KEY.encode()) in ids
    assert pseudonymise(raw_id, SYNTHETIC_DEMO_KEY.encode()) not in ids


def key_material(key: str) -> list[str]:
    """The key and its HMAC pads, in every form a file could hold them."""
    inner, outer = hmac_pads(key.encode())
    return [key, inner, outer, inner.upper(), outer.upper()]


def files_holding(paths, needles: list[str]) -> list[tuple[str, str]]:
    """(file, needle) for every file under the paths whose bytes contain a needle (a needle of digits
    counts only where it is not part of a longer number: an execution time 0.0670018196105957 holds no id)."""
    found = []
    patterns = [(needle, needle.encode(), re.compile(rb"(?<![0-9.])" + re.escape(needle.encode()) + rb"(?![0-9])")
                 if needle.isdigit() else None) for needle in needles]
    for root in paths:
        for path in [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            # a plain byte search first (fast); the pattern only where it hits
            found += [(str(path), needle) for needle, raw, pattern in patterns
                      if raw in data and (pattern is None or pattern.search(data))]
    return found


def test_no_key_material_or_raw_id_in_the_build_artifacts(build):
    # the warehouse file, dbt's target (compiled SQL, manifest, docs site) and logs
    artifacts = [build.warehouse, build.target_dir, build.warehouse.parent / "logs"]
    assert files_holding(artifacts, key_material(TEST_KEY)) == []
    # raw person ids may sit in the raw schema alone: never in target/ or logs/
    raw_ids = pq.read_table(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"].to_pylist()
    assert files_holding(artifacts[1:], raw_ids[:300]) == []
    # the scan finds what is there
    assert files_holding([build.target_dir / "manifest.json"], ["welfare_segments"]) != []


def test_no_key_material_in_any_warehouse_value(build):
    # files may be compressed: look at every string value of every schema too
    con = duckdb.connect(str(build.warehouse), read_only=True)
    needles = key_material(TEST_KEY)
    leaks = []
    for schema, table, column in _string_columns(con, set()):
        hits = con.execute(
            f'select count(*) from "{schema}"."{table}" where '
            + " or ".join(f'contains("{column}", ?)' for _ in needles),
            needles,
        ).fetchone()[0]
        if hits:
            leaks.append((schema, table, column, hits))
    con.close()
    assert leaks == []


def test_no_address_id_outside_raw_and_staging(build, warehouse):
    raw_addresses = set(pq.read_table(build.raw_dir / "addresses.parquet", columns=["address_id"])["address_id"].to_pylist())
    leaks = []
    for schema, table, column in _string_columns(warehouse, {"raw", "staging"}):
        values = {row[0] for row in warehouse.execute(f'select distinct "{column}" from "{schema}"."{table}"').fetchall()}
        found = {v for v in values if v and (v in raw_addresses or v.removeprefix("A-") in raw_addresses)}
        if found:
            leaks.append((schema, table, column, sorted(found)[:3]))
    assert leaks == []
    family_ids = [row[0] for row in warehouse.execute("select family_id from restricted.family_costs limit 50").fetchall()]
    assert family_ids and all(len(f) == 34 and f[:2] == "A-" for f in family_ids)
