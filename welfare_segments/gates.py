"""Metadata gates over dbt's artifacts: documentation coverage and key tests.

``documentation_coverage`` reads ``manifest.json`` (what is described) and
``catalog.json`` (what was built) and counts every model, seed and source and
every built column; ``models_without_key_test`` lists models with no
``unique`` or ``unique_combination_of_columns`` test. ``make test`` fails when
coverage is below 100 % or a model lacks a key test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

KEY_TESTS = ("unique", "unique_combination_of_columns")


@dataclass
class Coverage:
    described: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.described / self.total if self.total else 100.0

    def count(self, name: str, is_described: bool) -> None:
        self.total += 1
        if is_described:
            self.described += 1
        else:
            self.missing.append(name)


def _load(target_dir: Path, name: str) -> dict:
    path = Path(target_dir) / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run `dbt docs generate` first")
    return json.loads(path.read_text())


def documentation_coverage(target_dir: Path) -> Coverage:
    manifest, catalog = _load(target_dir, "manifest.json"), _load(target_dir, "catalog.json")
    coverage = Coverage()
    for uid, node in {**manifest["nodes"], **manifest["sources"]}.items():
        if node["resource_type"] not in ("model", "seed", "source"):
            continue
        coverage.count(uid, bool(node.get("description", "").strip()))
        documented = {name.lower() for name, col in node["columns"].items() if col.get("description", "").strip()}
        built = catalog["sources" if node["resource_type"] == "source" else "nodes"].get(uid)
        if built is None:
            coverage.count(f"{uid} (not built)", False)
            continue
        for column in built["columns"]:
            coverage.count(f"{uid}.{column}", column.lower() in documented)
    return coverage


def models_without_key_test(target_dir: Path) -> list[str]:
    manifest = _load(target_dir, "manifest.json")
    tested = {
        dep
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") in KEY_TESTS
        for dep in node["depends_on"]["nodes"]
    }
    return sorted(uid for uid, node in manifest["nodes"].items() if node["resource_type"] == "model" and uid not in tested)
