"""The dbt project builds on generated data with every data test and unit test passing."""

from __future__ import annotations

from collections import Counter


def test_dbt_build_succeeds_with_every_test(build):
    assert build.returncode == 0, build.output[-5000:]
    results = build.results()
    failed = [r["unique_id"] for r in results if r["status"] not in ("success", "pass")]
    assert failed == []
    kinds = Counter(r["unique_id"].split(".")[0] for r in results)
    # every layer was built and every kind of test ran
    assert kinds["model"] >= 20
    assert kinds["seed"] == 3
    assert kinds["test"] >= 100
    assert kinds["unit_test"] >= 8


def test_every_model_has_a_unique_key_test(build):
    manifest = build.manifest()
    tested = {
        dep
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test"
        and (node.get("test_metadata") or {}).get("name") in ("unique", "unique_combination_of_columns")
        for dep in node["depends_on"]["nodes"]
    }
    models = {uid for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
    assert sorted(models - tested) == []


def test_every_model_source_seed_and_column_is_described(build):
    """Documentation is a product: every relation and every built column has a description."""
    manifest, catalog = build.manifest(), build.catalog()
    missing = []
    for uid, node in {**manifest["nodes"], **manifest["sources"]}.items():
        if node["resource_type"] not in ("model", "seed", "source"):
            continue
        if not node.get("description", "").strip():
            missing.append(uid)
        documented = {name.lower() for name, col in node["columns"].items() if col.get("description", "").strip()}
        built = catalog["sources" if node["resource_type"] == "source" else "nodes"].get(uid)
        assert built is not None, f"{uid} is not in catalog.json"
        for column in built["columns"]:
            if column.lower() not in documented:
                missing.append(f"{uid}.{column}")
    assert missing == []


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
