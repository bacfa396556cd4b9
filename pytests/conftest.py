"""Shared fixtures: a small generated municipality, loaded and built with dbt.

The build runs once per test session in a temporary folder (its own DuckDB
file, target and log folders), so the suite never touches the demo warehouse.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from welfare_segments.generator import generate
from welfare_segments.loader import load

REPO = Path(__file__).resolve().parents[1]
# pytest-xdist's workers run with a __main__ that has neither __spec__ nor
# __file__, which pyspark.sql.connect (imported by great-expectations) takes
# for a doctest run and exits on; name the worker's main module
_main = sys.modules["__main__"]
if getattr(_main, "__spec__", None) is None and not hasattr(_main, "__file__"):
    _main.__file__ = "<pytest-xdist worker>"
# Small enough to build in seconds, large enough that every allocation path,
# family rule and concentration cut-off has rows; two years to exercise years.
TEST_PERSONS = int(os.environ.get("WELFARE_TEST_PERSONS", "4000"))
TEST_SEED = 20240101
TEST_YEARS = 2
LAST_YEAR = 2025
# Every build of the suite pseudonymises with a secret of its own, as real data
# would, so the scans for key material on disk look for a key that is used.
TEST_KEY = "pytest-session-key-9f3c2a71d04b8e65a1c7"
os.environ["WELFARE_PSEUDONYM_KEY"] = TEST_KEY
# PostgreSQL receives the key as a session setting (libpq reads PGOPTIONS).
os.environ["PGOPTIONS"] = f"-c welfare.pseudonym_key={TEST_KEY}"


@dataclass(frozen=True)
class Build:
    raw_dir: Path
    warehouse: Path
    target_dir: Path
    returncode: int
    output: str

    def results(self) -> list[dict]:
        return json.loads((self.target_dir / "build_results.json").read_text())["results"]

    def manifest(self) -> dict:
        return json.loads((self.target_dir / "manifest.json").read_text())

    def catalog(self) -> dict:
        return json.loads((self.target_dir / "catalog.json").read_text())


# dbt's partial-parse state of earlier invocations, by what dbt checks before
# it reuses one (project, profile connection, --vars, --target): a fresh
# target folder starts from it instead of parsing the whole project again.
# dbt still compares every file's checksum, so a stale state is only slower.
# The states are files in the run's temporary folder, shared by the workers
# (_shared_parse_states), so each kind of invocation is parsed once per run;
# a warehouse copy is named welfare.duckdb, like the session's, to share its.
_PARSE_STATES: Path | None = None


def _run_folder(tmp_path_factory, request) -> Path:
    """The temporary folder of the whole run: shared by pytest-xdist's workers
    (each has its own folder below it), the session's own without workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(request.config, "workerinput") else base


@pytest.fixture(scope="session", autouse=True)
def _shared_parse_states(tmp_path_factory, request):
    global _PARSE_STATES
    _PARSE_STATES = _run_folder(tmp_path_factory, request) / "dbt_parse_states"


def _parse_key(args: tuple[str, ...], warehouse: Path, project_dir: Path) -> tuple:
    options = {flag: args[i + 1] for i, flag in enumerate(args[:-1]) if flag in ("--vars", "--target")}
    return str(project_dir), warehouse.name, options.get("--vars"), options.get("--target")


def dbt(*args: str, warehouse: Path, target_dir: Path, log_dir: Path,
        project_dir: Path = REPO) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).with_name("dbt")
    command = [
        str(executable) if executable.exists() else "dbt",
        *args,
        "--profiles-dir", str(project_dir / "profiles"),
        "--project-dir", str(project_dir),
        "--target-path", str(target_dir),
        "--log-path", str(log_dir),
    ]
    key = _parse_key(args, warehouse, project_dir)
    assert _PARSE_STATES is not None, "dbt() runs inside the test session"
    kept = _PARSE_STATES / (hashlib.sha256(repr(key).encode()).hexdigest()[:16] + ".msgpack")
    state = target_dir / "partial_parse.msgpack"
    if kept.exists() and not state.exists():
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, state)
    # the warehouse by its name, from its own folder: dbt's parse state holds
    # the profile's connection, so a path of the same name elsewhere reuses it
    env = dict(os.environ, WELFARE_WAREHOUSE=warehouse.name)
    result = subprocess.run(command, cwd=warehouse.parent, env=env, capture_output=True, text=True, check=False)
    if state.exists():
        _PARSE_STATES.mkdir(exist_ok=True)
        incoming = kept.with_suffix(f".{os.getpid()}")
        shutil.copyfile(state, incoming)
        os.replace(incoming, kept)  # whole or not at all, for the other worker
    return result


def generate_test_extract(raw_dir: Path, faults: float = 0.0, years: int = TEST_YEARS) -> None:
    """The suite's raw files (the same files for the same arguments: an engine
    fixture makes its own copy instead of waiting for the session's build)."""
    generate(raw_dir, persons=TEST_PERSONS, seed=TEST_SEED, years=years, last_year=LAST_YEAR, faults=faults)


def _generate_load_build(root: Path, faults: float = 0.0, years: int = TEST_YEARS) -> tuple:
    raw_dir, warehouse = root / "raw", root / "welfare.duckdb"
    target_dir, log_dir = root / "target", root / "logs"
    generate_test_extract(raw_dir, faults=faults, years=years)
    load(raw_dir, warehouse)
    built = dbt("build", warehouse=warehouse, target_dir=target_dir, log_dir=log_dir)
    return raw_dir, warehouse, target_dir, log_dir, built


def _build_once(root: Path) -> Build:
    raw_dir, warehouse, target_dir, log_dir, built = _generate_load_build(root)
    output = built.stdout + built.stderr
    # dbt docs generate overwrites run_results.json: keep the build's
    if (target_dir / "run_results.json").exists():
        (target_dir / "run_results.json").rename(target_dir / "build_results.json")
    if built.returncode == 0:
        documented = dbt("docs", "generate", warehouse=warehouse, target_dir=target_dir, log_dir=log_dir)
        output += documented.stdout + documented.stderr
    return Build(raw_dir, warehouse, target_dir, built.returncode, output)


@pytest.fixture(scope="session")
def build(tmp_path_factory, request) -> Build:
    """Generate, load, `dbt build` (every model, data test and unit test), `dbt docs generate`.

    Built once for the whole run: under pytest-xdist the first worker to ask
    builds it (the others wait on a lock) and every worker reads the same
    files. Nothing writes to them afterwards: tests that change a warehouse
    change a copy, and every connection to it is read-only.
    """
    shared = _run_folder(tmp_path_factory, request)
    root, record = shared / "build", shared / "build.json"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            root.mkdir()
            built = _build_once(root)
            record.write_text(json.dumps({"returncode": built.returncode, "output": built.output}))
    recorded = json.loads(record.read_text())
    return Build(root / "raw", root / "welfare.duckdb", root / "target", recorded["returncode"], recorded["output"])


@pytest.fixture(scope="session")
def warehouse(build: Build):
    """A read-only DuckDB connection to the built warehouse."""
    import duckdb

    assert build.returncode == 0, build.output[-5000:]
    con = duckdb.connect(str(build.warehouse), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="session")
def faulty_build(tmp_path_factory) -> Build:
    """The same, on data with 2 % of the rows corrupted (welfare-segments generate --faults 0.02)."""
    root = tmp_path_factory.mktemp("faulty")
    raw_dir, warehouse, target_dir, _log_dir, built = _generate_load_build(root, faults=0.02, years=1)
    if (target_dir / "run_results.json").exists():
        (target_dir / "run_results.json").rename(target_dir / "build_results.json")
    return Build(raw_dir, warehouse, target_dir, built.returncode, built.stdout + built.stderr)
