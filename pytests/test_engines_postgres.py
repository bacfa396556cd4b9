"""The generated dataset built on PostgreSQL gives the same marts as on DuckDB,
to the øre; the roles and the key check hold there.

PostgreSQL runs as a private server on 127.0.0.1 (scripts/postgres.sh), which
installs it from Debian when it is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from welfare_segments.cli import main
from welfare_segments.loader import load_postgres

from .conftest import REPO, dbt
from .engine_marts import KEY_MARTS, assert_same_mart, duckdb_frame

# `make test` runs the suite on three workers, file by file (pytest -n 3
# --dist loadfile): every test that starts or stops the private PostgreSQL
# server lives in this file, so none stops it under another
PG_DATABASE = "welfare_test"
DBT_COLUMN_TESTS = ("unique", "not_null", "accepted_values", "relationships")


@dataclass(frozen=True)
class PostgresBuild:
    returncode: int
    stdout: str
    target_dir: Path


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
        # every node but dbt's own column tests (unique, not_null, ...), which
        # ran on DuckDB over the same data: our generic tests, the singular
        # reconciliation tests and the unit tests run here, and the marts are
        # compared with DuckDB's to the øre below
        result = dbt(
            "build", "--target", "postgres", "--exclude", *(f"test_name:{name}" for name in DBT_COLUMN_TESTS),
            warehouse=build.warehouse, target_dir=root / "target", log_dir=root / "logs",
        )
        yield PostgresBuild(result.returncode, result.stdout, root / "target")
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


def test_postgres_build_passes_its_tests(postgres_build):
    assert postgres_build.returncode == 0, postgres_build.stdout[-5000:]
    assert "ERROR=0" in postgres_build.stdout and "FAIL" not in postgres_build.stdout
    results = json.loads((postgres_build.target_dir / "run_results.json").read_text())["results"]
    nodes = json.loads((postgres_build.target_dir / "manifest.json").read_text())["nodes"]
    ran_tests = [nodes[r["unique_id"]] for r in results if r["unique_id"].startswith("test.")]
    generic = {node["test_metadata"]["name"] for node in ran_tests if node.get("test_metadata")}
    singular = {node["name"] for node in ran_tests if not node.get("test_metadata")}
    # our own generic tests and the singular ones ran; dbt's column tests did not
    assert {"unique_combination_of_columns", "no_small_cells", "expression_is_true"} <= generic
    assert not generic & set(DBT_COLUMN_TESTS)
    assert "assert_person_costs_sum_to_facts" in singular
    assert {r["unique_id"].split(".")[0] for r in results} >= {"model", "seed", "test", "unit_test"}


@pytest.mark.parametrize("table", sorted(KEY_MARTS))
def test_postgres_marts_equal_duckdb_marts(build, postgres_build, table):
    assert postgres_build.returncode == 0
    duck = duckdb_frame(build, table)
    pg = _postgres_frame(table)
    if table != "quarantine.rejected_rows":
        assert len(duck) > 0
    assert_same_mart(duck, pg, KEY_MARTS[table], table)


def test_postgres_refuses_a_session_key_other_than_the_environment_key(postgres_build, tmp_path, monkeypatch):
    assert postgres_build.returncode == 0
    monkeypatch.setenv("WELFARE_PG_DATABASE", PG_DATABASE)
    monkeypatch.setenv("PGOPTIONS", "-c welfare.pseudonym_key=another-key-than-the-environment-0123456789")
    result = dbt(
        "run", "--target", "postgres", "--select", "stg_population_register__persons",
        # named like the session's warehouse (unused on PostgreSQL), so dbt
        # reuses the parse state of the PostgreSQL build
        warehouse=tmp_path / "welfare.duckdb", target_dir=tmp_path / "t", log_dir=tmp_path / "l",
    )
    assert result.returncode != 0
    assert "holds other key material than WELFARE_PSEUDONYM_KEY" in result.stdout


def test_bench_on_postgres_loads_and_builds_there(tmp_path):
    # the staging models stand for the build: the whole project on PostgreSQL
    # is the postgres_build fixture's
    assert main(["bench", "--persons", "400", "--target", "postgres", "--work-dir", str(tmp_path / "pg"),
                 "--select", "path:models/staging"]) == 0
    report = json.loads((tmp_path / "pg" / "bench_postgres_400.json").read_text())
    stages = {stage["name"]: stage for stage in report["stages"]}
    assert report["target"] == "postgres"
    # every raw row reached PostgreSQL, and dbt built there (its run results name the adapter)
    assert stages["load"]["rows"] == sum(report["raw_rows"].values())
    run_results = json.loads((tmp_path / "pg" / "target" / "run_results.json").read_text())
    assert run_results["results"] and all(r["status"] in ("success", "pass") for r in run_results["results"])
    # only the selection was built, and the report says so
    built = {r["unique_id"].split(".")[-1] for r in run_results["results"] if r["unique_id"].startswith("model.")}
    assert built and all(name.startswith("stg_") for name in built)
    assert report["select"] == ["path:models/staging"]
    assert "postgres" in (tmp_path / "pg" / "target" / "manifest.json").read_text()
