"""The same generated dataset built on DuckDB, PostgreSQL and Spark gives the
same marts, to the øre.

PostgreSQL runs as a private server on 127.0.0.1 (scripts/postgres.sh), which
installs it from Debian when it is missing; Spark runs locally through
dbt-spark's session method, with the raw data registered as Parquet tables.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from welfare_segments.cli import main
from welfare_segments.loader import load_postgres

from .conftest import REPO, TEST_KEY, dbt
from .test_privacy import files_holding, key_material

# `make test` runs the suite on two workers, file by file (pytest -n 2
# --dist loadfile): every test that starts or stops the private PostgreSQL
# server lives in this file, so none stops it under another

# mart -> key columns; every other column is compared
KEY_MARTS = {
    "audit.allocation_reconciliation": ["analysis_year", "function_number", "cost_centre"],
    "restricted.person_costs": ["person_id", "analysis_year"],
    "restricted.family_costs": ["family_id", "analysis_year"],
    "analytics.cost_concentration": ["analysis_year", "population", "cost_scope", "top_percent"],
    "analytics.top_spender_overlap": ["analysis_year", "population", "top_percent"],
    "analytics.allocation_coverage": ["analysis_year"],
    "quarantine.rejected_rows": ["source_table", "source_row_number"],
    "restricted.segment_members": ["segment_id", "unit_id", "analysis_year"],
    "analytics.segment_catalogue": ["segment_id"],
    "analytics.segment_profiles": ["segment_id", "analysis_year", "section", "item"],
    "analytics.segment_overlap": ["analysis_year", "segment_id", "other_segment_id"],
    "analytics.service_cooccurrence": ["population", "analysis_year", "function_number", "other_function_number"],
}
PG_DATABASE = "welfare_test"
# what the Spark build leaves out (see spark_build)
SPARK_SELECTION = (
    "--exclude", "test_type:generic",
    "segment_[bf]*", "segment_all_*", "segment_s[0-9][0-9]?*", "segment_s0[2-9]", "segment_s[12][0-9]",
)


@pytest.fixture(scope="session")
def postgres_build(build, tmp_path_factory):
    assert build.returncode == 0
    script = REPO / "scripts" / "postgres.sh"
    # the server asks for passwords (scram-sha-256): the generated superuser
    # password reaches libpq (loader, dbt, this module) through PGPASSFILE
    os.environ.setdefault("PGPASSFILE", str(REPO / ".pg" / "pgpass"))
    already_running = subprocess.run([script, "status"], capture_output=True, check=False).returncode == 0
    started = subprocess.run([script, "start"], capture_output=True, text=True, check=False)
    assert started.returncode == 0, started.stderr
    os.environ["WELFARE_PG_DATABASE"] = PG_DATABASE
    try:
        _drop_postgres_database(PG_DATABASE)
        load_postgres(build.raw_dir)
        root = tmp_path_factory.mktemp("postgres")
        result = dbt(
            "build", "--target", "postgres",
            warehouse=build.warehouse, target_dir=root / "target", log_dir=root / "logs",
        )
        yield result
    finally:
        if not already_running:
            subprocess.run([script, "stop"], capture_output=True, check=False)
        os.environ.pop("WELFARE_PG_DATABASE", None)


def _pg_connect(user: str = "postgres", dbname: str = PG_DATABASE, password: str | None = None):
    import psycopg2

    dsn = f"host=127.0.0.1 port={os.environ.get('WELFARE_PG_PORT', '55432')} user={user} dbname={dbname}"
    return psycopg2.connect(dsn if password is None else f"{dsn} password={password}")


def test_postgres_asks_for_a_password(postgres_build):
    import psycopg2

    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        _pg_connect(password="not-the-password")


def test_analyst_role_reads_analytics_only(postgres_build):
    """A login as the analyst role reads the aggregates and is refused everything person-level."""
    import secrets

    import psycopg2

    assert postgres_build.returncode == 0
    role = os.environ.get("WELFARE_PG_ANALYST_ROLE", "welfare_analyst")
    password = secrets.token_hex(16)
    admin = _pg_connect()
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'alter role "{role}" with login password %s', [password])
    try:
        analyst = _pg_connect(user=role, password=password)
        try:
            with analyst.cursor() as cur:
                cur.execute("select count(*) from analytics.cost_concentration")
                assert cur.fetchone()[0] > 0
            for table in ("restricted.person_costs", "restricted.family_costs", "raw.persons",
                          "intermediate.int_person_features", "staging.stg_population_register__persons",
                          "quarantine.rejected_rows"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege), analyst.cursor() as cur:
                    cur.execute(f"select * from {table} limit 1")
                analyst.rollback()
        finally:
            analyst.close()
    finally:
        with admin.cursor() as cur:
            cur.execute(f'alter role "{role}" with nologin password null')
        admin.close()


def _drop_postgres_database(name: str) -> None:
    """Start from an empty database: no tables of an earlier run."""
    import psycopg2

    admin = psycopg2.connect(
        f"host=127.0.0.1 port={os.environ.get('WELFARE_PG_PORT', '55432')} user=postgres dbname=postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'drop database if exists "{name}"')
    admin.close()


def _duckdb_frame(build, table: str) -> pd.DataFrame:
    with duckdb.connect(str(build.warehouse), read_only=True) as con:
        return con.execute(f"select * from {table}").df()


def _postgres_frame(table: str) -> pd.DataFrame:
    import psycopg2

    con = psycopg2.connect(
        f"host=127.0.0.1 port={os.environ.get('WELFARE_PG_PORT', '55432')} user=postgres dbname={PG_DATABASE}"
    )
    try:
        with con.cursor() as cur:
            cur.execute(f"select * from {table}")
            columns = [d[0] for d in cur.description]
            return pd.DataFrame(cur.fetchall(), columns=columns)
    finally:
        con.close()


def assert_same_mart(left: pd.DataFrame, right: pd.DataFrame, keys: list[str], name: str) -> None:
    assert sorted(left.columns) == sorted(right.columns), name
    assert len(left) == len(right), name
    left = left.sort_values(keys).reset_index(drop=True)
    right = right[left.columns].sort_values(keys).reset_index(drop=True)
    for column in left.columns:
        a, b = left[column], right[column]
        both_null = a.isna() & b.isna()
        if pd.api.types.is_bool_dtype(a):
            different = ~both_null & (a.astype(object) != b.astype(object))
        elif pd.api.types.is_numeric_dtype(a):
            # kroner, counts and shares: equal to the øre
            gap = (pd.to_numeric(a, errors="coerce") - pd.to_numeric(b, errors="coerce")).abs()
            different = ~both_null & ~(gap <= 0.005)
        else:
            different = ~both_null & (a.astype(str) != b.astype(str))
        assert not different.any(), f"{name}.{column}: {int(different.sum())} rows differ, e.g. {left[different].head(3).to_dict('records')}"


def test_postgres_build_passes_every_test(postgres_build):
    assert postgres_build.returncode == 0, postgres_build.stdout[-5000:]
    assert "ERROR=0" in postgres_build.stdout and "FAIL" not in postgres_build.stdout


@pytest.mark.parametrize("table", sorted(KEY_MARTS))
def test_postgres_marts_equal_duckdb_marts(build, postgres_build, table):
    assert postgres_build.returncode == 0
    duck = _duckdb_frame(build, table)
    pg = _postgres_frame(table)
    if table != "quarantine.rejected_rows":
        assert len(duck) > 0
    assert_same_mart(duck, pg, KEY_MARTS[table], table)


@pytest.fixture(scope="session")
def spark_build(build, tmp_path_factory):
    """Load the same raw files into a fresh local Spark warehouse, dbt build there,
    and export the key marts to Parquet (each step in its own JVM)."""
    assert build.returncode == 0
    root = tmp_path_factory.mktemp("spark")
    env = dict(os.environ, WELFARE_SPARK_DIR=str(root / "spark"), SPARK_LOCAL_IP="127.0.0.1")
    python = sys.executable
    loaded = subprocess.run(
        [python, "-m", "welfare_segments.cli", "load", "--target", "spark", "--raw-dir", str(build.raw_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    executable = os.path.join(os.path.dirname(python), "dbt")
    # every model but the per-segment tables (one stands for the others: each
    # is the same one-line macro over segment_members), the seeds, the unit
    # tests and the singular reconciliation tests. The generic data tests ran
    # on DuckDB over the same data, and every mart is compared with DuckDB's
    # to the øre below.
    built = subprocess.run(
        [executable, "build", "--target", "spark", *SPARK_SELECTION,
         "--profiles-dir", str(REPO / "profiles"),
         "--target-path", str(root / "target"), "--log-path", str(root / "logs")],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    exported = None
    if built.returncode == 0:
        exported = subprocess.run(
            [python, "-m", "welfare_segments.spark_export", str(root / "marts"), *KEY_MARTS],
            cwd=REPO, env=env, capture_output=True, text=True, check=False,
        )
        assert exported.returncode == 0, exported.stderr[-3000:]
    return built, root / "marts"


def test_spark_build_passes_its_unit_and_singular_tests(spark_build):
    built, marts = spark_build
    assert built.returncode == 0, built.stdout[-5000:]
    assert "ERROR=0" in built.stdout
    results = json.loads((marts.parent / "target" / "run_results.json").read_text())["results"]
    ran = {result["unique_id"].split(".")[0] for result in results}
    assert {"model", "seed", "test", "unit_test"} <= ran
    assert "model.welfare_segments.segment_s01" in {result["unique_id"] for result in results}
    assert all(result["status"] in ("success", "pass") for result in results)


@pytest.mark.parametrize("table", sorted(KEY_MARTS))
def test_spark_marts_equal_duckdb_marts(build, spark_build, table):
    built, marts = spark_build
    assert built.returncode == 0
    duck = _duckdb_frame(build, table)
    spark = pd.read_parquet(marts / f"{table}.parquet")
    assert_same_mart(duck, spark, KEY_MARTS[table], table)


def test_spark_artifacts_hold_no_key_material(build, spark_build):
    built, marts = spark_build
    assert built.returncode == 0
    root = marts.parent
    # warehouse, Derby metastore and its logs, dbt's target and logs
    artifacts = [root / "spark", root / "target", root / "logs"]
    assert (root / "spark" / "metastore_db").is_dir()
    assert files_holding(artifacts, key_material(TEST_KEY)) == []
    raw_ids = pd.read_parquet(build.raw_dir / "persons.parquet", columns=["person_id"])["person_id"].tolist()[:300]
    outside_raw = [p for p in artifacts if p.name != "spark"] + [
        p for p in (root / "spark").iterdir() if p.name != "raw_files"
    ]
    assert files_holding(outside_raw, raw_ids) == []


def test_spark_refuses_key_material_besides_the_environment_key(build, spark_build):
    built, marts = spark_build
    assert built.returncode == 0
    root = marts.parent
    env = dict(os.environ, WELFARE_SPARK_DIR=str(root / "spark"), SPARK_LOCAL_IP="127.0.0.1",
               WELFARE_SPARK_HMAC_IPAD="36" * 64, WELFARE_SPARK_HMAC_OPAD="5c" * 64)
    refused = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "dbt"), "run", "--target", "spark",
         "--select", "stg_population_register__persons", "--profiles-dir", str(REPO / "profiles"),
         "--target-path", str(root / "target_refused"), "--log-path", str(root / "logs_refused")],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert refused.returncode != 0
    assert "Refusing to build" in refused.stdout


def test_postgres_refuses_a_session_key_other_than_the_environment_key(postgres_build, tmp_path, monkeypatch):
    assert postgres_build.returncode == 0
    monkeypatch.setenv("WELFARE_PG_DATABASE", PG_DATABASE)
    monkeypatch.setenv("PGOPTIONS", "-c welfare.pseudonym_key=another-key-than-the-environment-0123456789")
    result = dbt(
        "run", "--target", "postgres", "--select", "stg_population_register__persons",
        warehouse=tmp_path / "unused.duckdb", target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    assert result.returncode != 0
    assert "holds other key material than WELFARE_PSEUDONYM_KEY" in result.stdout


def test_bench_on_postgres_loads_and_builds_there(tmp_path):
    assert main(["bench", "--persons", "1500", "--target", "postgres", "--work-dir", str(tmp_path / "pg")]) == 0
    report = json.loads((tmp_path / "pg" / "bench_postgres_1500.json").read_text())
    stages = {stage["name"]: stage for stage in report["stages"]}
    assert report["target"] == "postgres"
    # every raw row reached PostgreSQL, and dbt built there (its run results name the adapter)
    assert stages["load"]["rows"] == sum(report["raw_rows"].values())
    run_results = json.loads((tmp_path / "pg" / "target" / "run_results.json").read_text())
    assert run_results["results"] and all(r["status"] in ("success", "pass") for r in run_results["results"])
    assert "postgres" in (tmp_path / "pg" / "target" / "manifest.json").read_text()
