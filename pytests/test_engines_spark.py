"""The generated dataset built on Spark gives the same marts as on DuckDB, to
the øre, and leaves no key material behind.

Spark runs locally through dbt-spark's session method, with the raw data
registered as Parquet tables.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from .conftest import REPO, TEST_KEY, generate_test_extract
from .engine_marts import KEY_MARTS, assert_same_mart, duckdb_frame
from .test_privacy import files_holding, key_material

# what the Spark build leaves out (see spark_build)
SPARK_SELECTION = (
    "--exclude", "test_type:generic", "resource_type:unit_test",
    "segment_[bf]*", "segment_all_*", "segment_s[0-9][0-9]?*", "segment_s0[2-9]", "segment_s[12][0-9]",
)


@pytest.fixture(scope="session")
def spark_build(tmp_path_factory):
    """Load the session's raw files (generated again, the same files) into a
    fresh local Spark warehouse and dbt build there, each step in its own JVM,
    while the other worker builds DuckDB; the marts are read from the
    warehouse's Parquet files, without a third JVM."""
    root = tmp_path_factory.mktemp("spark")
    raw_dir = root / "raw"
    generate_test_extract(raw_dir)
    env = dict(os.environ, WELFARE_SPARK_DIR=str(root / "spark"), SPARK_LOCAL_IP="127.0.0.1")
    python = sys.executable
    loaded = subprocess.run(
        [python, "-m", "welfare_segments.cli", "load", "--target", "spark", "--raw-dir", str(raw_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert loaded.returncode == 0, loaded.stderr[-3000:]
    executable = os.path.join(os.path.dirname(python), "dbt")
    # every model but the per-segment tables (one stands for the others: each
    # is the same one-line macro over segment_members), the seeds and the
    # singular reconciliation tests. The generic data tests and the unit
    # tests (fixed inputs, no engine of their own) ran on DuckDB and
    # PostgreSQL; every mart is compared with DuckDB's to the øre below.
    built = subprocess.run(
        [executable, "build", "--target", "spark", *SPARK_SELECTION,
         "--profiles-dir", str(REPO / "profiles"),
         "--target-path", str(root / "target"), "--log-path", str(root / "logs")],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    return built, root / "spark" / "warehouse"


def _spark_table(warehouse, table: str) -> pd.DataFrame:
    """A table of the Spark warehouse, from its Parquet files (schema.db/table/)."""
    schema, name = table.split(".")
    return pd.read_parquet(warehouse / f"{schema}.db" / name)

def test_spark_build_passes_its_singular_tests(spark_build):
    built, warehouse = spark_build
    assert built.returncode == 0, built.stdout[-5000:]
    assert "ERROR=0" in built.stdout
    results = json.loads((warehouse.parents[1] / "target" / "run_results.json").read_text())["results"]
    ran = {result["unique_id"].split(".")[0] for result in results}
    assert {"model", "seed", "test"} <= ran
    assert "model.welfare_segments.segment_s01" in {result["unique_id"] for result in results}
    assert all(result["status"] in ("success", "pass") for result in results)


@pytest.mark.parametrize("table", sorted(KEY_MARTS))
def test_spark_marts_equal_duckdb_marts(build, spark_build, table):
    built, warehouse = spark_build
    assert built.returncode == 0
    duck = duckdb_frame(build, table)
    spark = _spark_table(warehouse, table)
    assert_same_mart(duck, spark, KEY_MARTS[table], table)


def test_spark_artifacts_hold_no_key_material(spark_build):
    built, warehouse = spark_build
    assert built.returncode == 0
    root = warehouse.parents[1]
    # warehouse, Derby metastore and its logs, dbt's target and logs
    artifacts = [root / "spark", root / "target", root / "logs"]
    assert (root / "spark" / "metastore_db").is_dir()
    assert files_holding(artifacts, key_material(TEST_KEY)) == []
    raw_ids = pd.read_parquet(root / "raw" / "persons.parquet", columns=["person_id"])["person_id"].tolist()[:300]
    outside_raw = [p for p in artifacts if p.name != "spark"] + [
        p for p in (root / "spark").iterdir() if p.name != "raw_files"
    ]
    assert files_holding(outside_raw, raw_ids) == []


def test_spark_refuses_key_material_besides_the_environment_key(spark_build):
    built, warehouse = spark_build
    assert built.returncode == 0
    root = warehouse.parents[1]
    env = dict(os.environ, WELFARE_SPARK_DIR=str(root / "spark"), SPARK_LOCAL_IP="127.0.0.1",
               WELFARE_SPARK_HMAC_IPAD="36" * 64, WELFARE_SPARK_HMAC_OPAD="5c" * 64)
    # from the build's parse state, not a full parse of the project
    (root / "target_refused").mkdir()
    shutil.copyfile(root / "target" / "partial_parse.msgpack", root / "target_refused" / "partial_parse.msgpack")
    refused = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "dbt"), "run", "--target", "spark",
         "--select", "stg_population_register__persons", "--profiles-dir", str(REPO / "profiles"),
         "--target-path", str(root / "target_refused"), "--log-path", str(root / "logs_refused")],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert refused.returncode != 0
    assert "Refusing to build" in refused.stdout


