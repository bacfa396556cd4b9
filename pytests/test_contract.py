"""The dbt sources declare exactly the raw contract the loader enforces."""

from __future__ import annotations

from pathlib import Path

import yaml

from welfare_segments.contract import RAW_TABLES

SOURCES = Path(__file__).resolve().parents[1] / "models" / "staging" / "_staging__sources.yml"


def test_sources_match_the_contract():
    declared = {
        (source["name"], table["name"]): [
            (c["name"], c["meta"]["contract_type"])
            for c in table["columns"]
            if c.get("meta", {}).get("added_by") != "loader"
        ]
        for source in yaml.safe_load(SOURCES.read_text())["sources"]
        if source["name"] != "loader"
        for table in source["tables"]
    }
    expected = {(t.source, t.name): [(c.name, c.type) for c in t.columns] for t in RAW_TABLES}
    assert declared == expected


def test_every_contract_column_is_described():
    assert all(c.description.strip() for t in RAW_TABLES for c in t.columns)
    assert all(t.description.strip() and t.key for t in RAW_TABLES)
