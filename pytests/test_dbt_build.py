"""The dbt project builds on generated data with every data test and unit test passing."""

from __future__ import annotations

import json
import shutil
from collections import Counter

from welfare_segments.gates import documentation_coverage, models_without_key_test

from .conftest import REPO


def test_dbt_build_succeeds_with_every_test(build):
    assert build.returncode == 0, build.output[-5000:]
    results = build.results()
    failed = [r["unique_id"] for r in results if r["status"] not in ("success", "pass")]
    assert failed == []
    kinds = Counter(r["unique_id"].split(".")[0] for r in results)
    # every layer was built and every kind of test ran
    assert kinds["model"] >= 20
    assert kinds["seed"] == len(list((REPO / "seeds").glob("*.csv")))
    assert kinds["test"] >= 100
    assert kinds["unit_test"] >= 8


def test_every_model_has_a_unique_key_test(build):
    assert models_without_key_test(build.target_dir) == []


def test_every_model_source_seed_and_column_is_described(build):
    """Documentation is a product: every relation and every built column has a description."""
    coverage = documentation_coverage(build.target_dir)
    assert coverage.total > 300
    assert coverage.missing == []
    assert coverage.percent == 100.0


def test_the_documentation_gate_can_fail(build, tmp_path):
    manifest = json.loads((build.target_dir / "manifest.json").read_text())
    person_costs = manifest["nodes"]["model.welfare_segments.person_costs"]
    person_costs["columns"]["total_cost"]["description"] = ""
    person_costs["columns"].pop("n_areas")
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    shutil.copy(build.target_dir / "catalog.json", tmp_path / "catalog.json")
    coverage = documentation_coverage(tmp_path)
    assert coverage.missing == [
        "model.welfare_segments.person_costs.total_cost",
        "model.welfare_segments.person_costs.n_areas",
    ]
    assert coverage.percent < 100.0


def test_person_level_marts_live_in_the_restricted_schema(warehouse):
    restricted = {
        row[0]
        for row in warehouse.execute(
            "select table_name from information_schema.tables where table_schema = 'restricted'"
        ).fetchall()
    }
    assert {"person_costs", "family_costs", "complex_citizens", "complex_families", "unit_cost_ranks"} <= restricted
    analytics_columns = {
        row[0]
        for row in warehouse.execute(
            "select column_name from information_schema.columns where table_schema = 'analytics'"
        ).fetchall()
    }
    # analyst marts are aggregates: no person or family keys
    assert not analytics_columns & {"person_id", "family_id", "unit_id"}
