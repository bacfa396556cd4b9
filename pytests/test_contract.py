"""The dbt sources declare exactly the raw contract the loader enforces."""

from __future__ import annotations

from pathlib import Path

import yaml

from welfare_segments.contract import RAW_TABLES

# one folder per source, its yml beside its staging models
STAGING = Path(__file__).resolve().parents[1] / "models" / "staging"


def test_sources_match_the_contract():
    declared = {
        (source["name"], table["name"]): [
            (c["name"], c["meta"]["contract_type"])
            for c in table["columns"]
            if c.get("meta", {}).get("added_by") != "loader"
        ]
        for path in sorted(STAGING.glob("*/_*__models.yml"))
        for source in yaml.safe_load(path.read_text())["sources"]
        if source["name"] != "loader"
        for table in source["tables"]
    }
    expected = {(t.source, t.name): [(c.name, c.type) for c in t.columns] for t in RAW_TABLES}
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
