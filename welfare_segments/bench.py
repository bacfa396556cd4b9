"""Benchmark: generate, load and build, timed per stage, each stage in its own process.

``welfare-segments bench --persons N`` runs four stages as child processes so that
each has its own wall time and its own peak resident memory (``os.wait4`` gives
the child's rusage; ``ru_maxrss`` is in KiB on Linux):

1. ``generate``: ``python -m welfare_segments.cli generate`` into ``DIR/raw``;
2. ``load``: the target's load command (DuckDB: ``welfare_segments.cli load``);
3. ``dbt build``: the target's build command (DuckDB: the dbt executable next to
   ``sys.executable``, ``--target-path DIR/target --log-path DIR/logs``);
4. ``floor``: a fresh DuckDB connection that runs the minimal single-pass
   aggregation of the same raw Parquet files (the sum of every cost per person).
   Its ``seconds`` are the query's own time, measured inside the child.

It prints a table (seconds, peak MB, rows per second), the ratio
``dbt build seconds / floor seconds``, the slowest dbt nodes from
``run_results.json``, and writes the same figures as JSON. Figures only: speed
is never asserted anywhere.

A target is a small entry in ``TARGETS``: its own load and build commands, and
what it needs started first (``postgres`` starts the project's private server,
``spark`` a fresh warehouse folder). The floor is always DuckDB's.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

STAGE_NAMES = ("generate", "load", "dbt build", "floor")
FLOOR_LABEL = "floor (DuckDB single pass)"
SLOWEST_KEPT = 10
SLOWEST_PRINTED = 5
OUTPUT_TAIL_CHARS = 4000
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class BenchError(Exception):
    """The benchmark cannot run or a stage failed."""


@dataclass
class BenchContext:
    """Everything a stage command needs: sizes, folders and the project."""

    persons: int
    seed: int
    years: int
    target: str
    work_dir: Path
    threads: int | None
    faults: float = 0.0
    # a dbt node selection to time a part of the project (all of it when empty)
    select: tuple[str, ...] = ()
    project_dir: Path = field(default_factory=Path.cwd)
    started_server: bool = False

    @property
    def raw_dir(self) -> Path:
        return self.work_dir / "raw"

    @property
    def warehouse(self) -> Path:
        return self.work_dir / "bench.duckdb"

    @property
    def target_dir(self) -> Path:
        return self.work_dir / "target"

    @property
    def log_dir(self) -> Path:
        return self.work_dir / "logs"


@dataclass(frozen=True)
class StageCommand:
    """A child process: its arguments, extra environment and working folder."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None


@dataclass(frozen=True)
class Target:
    """How one engine loads the raw files and builds the project; prepare and
    finish start and stop what the engine needs (a server), outside the timings."""

    load: Callable[[BenchContext], StageCommand]
    build: Callable[[BenchContext], StageCommand]
    loaded_rows: Callable[[BenchContext], int]
    prepare: Callable[[BenchContext], None] = lambda ctx: None
    finish: Callable[[BenchContext], None] = lambda ctx: None


def _dbt_executable() -> str:
    dbt = Path(sys.executable).with_name("dbt")
    return str(dbt) if dbt.exists() else "dbt"


def _duckdb_load(ctx: BenchContext) -> StageCommand:
    return StageCommand([sys.executable, "-m", "welfare_segments.cli", "load",
                         "--raw-dir", str(ctx.raw_dir), "--warehouse", str(ctx.warehouse)])


def _build_argv(ctx: BenchContext, target: str) -> list[str]:
    """dbt build on one target, with the bench's folders, threads and selection."""
    argv = [_dbt_executable(), "build", "--target", target, "--profiles-dir", "profiles",
            "--target-path", str(ctx.target_dir), "--log-path", str(ctx.log_dir)]
    if ctx.threads:
        argv += ["--threads", str(ctx.threads)]
    if ctx.select:
        argv += ["--select", *ctx.select]
    return argv


def _duckdb_build(ctx: BenchContext) -> StageCommand:
    return StageCommand(_build_argv(ctx, "duckdb"), env={"WELFARE_WAREHOUSE": str(ctx.warehouse)},
                        cwd=ctx.project_dir)


def _duckdb_loaded_rows(ctx: BenchContext) -> int:
    import duckdb

    from welfare_segments.contract import RAW_TABLES

    with duckdb.connect(str(ctx.warehouse), read_only=True) as con:
        return sum(con.execute(f"select count(*) from raw.{t.name}").fetchone()[0] for t in RAW_TABLES)


BENCH_PG_DATABASE = "welfare_bench"


def _postgres_env(ctx: BenchContext) -> dict[str, str]:
    return {"WELFARE_PG_DATABASE": BENCH_PG_DATABASE}


def _postgres_prepare(ctx: BenchContext) -> None:
    """Start the project's private server and drop the bench database of an earlier run."""
    import psycopg2

    script = ctx.project_dir / "scripts" / "postgres.sh"
    # the private server's generated superuser password, read by libpq here,
    # by the loader and by dbt (as scripts/test-postgres.sh does)
    os.environ.setdefault("PGPASSFILE", str(ctx.project_dir / ".pg" / "pgpass"))
    ctx.started_server = subprocess.run([str(script), "status"], capture_output=True, check=False).returncode != 0
    started = subprocess.run([str(script), "start"], capture_output=True, text=True, check=False)
    if started.returncode != 0:
        raise BenchError(f"could not start PostgreSQL: {started.stderr.strip()}")
    admin = psycopg2.connect(
        f"host=127.0.0.1 port={os.environ.get('WELFARE_PG_PORT', '55432')} user=postgres dbname=postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'drop database if exists "{BENCH_PG_DATABASE}"')
    admin.close()


def _postgres_finish(ctx: BenchContext) -> None:
    # stop the server only if the bench started it
    if ctx.started_server:
        subprocess.run([str(ctx.project_dir / "scripts" / "postgres.sh"), "stop"], capture_output=True, check=False)


def _postgres_load(ctx: BenchContext) -> StageCommand:
    return StageCommand([sys.executable, "-m", "welfare_segments.cli", "load", "--target", "postgres",
                         "--raw-dir", str(ctx.raw_dir)], env=_postgres_env(ctx))


def _postgres_build(ctx: BenchContext) -> StageCommand:
    return StageCommand(_build_argv(ctx, "postgres"), env=_postgres_env(ctx), cwd=ctx.project_dir)


def _postgres_loaded_rows(ctx: BenchContext) -> int:
    import psycopg2

    from welfare_segments.contract import RAW_TABLES

    con = psycopg2.connect(
        f"host=127.0.0.1 port={os.environ.get('WELFARE_PG_PORT', '55432')} user=postgres dbname={BENCH_PG_DATABASE}"
    )
    try:
        with con.cursor() as cur:
            total = 0
            for table in RAW_TABLES:
                cur.execute(f"select count(*) from raw.{table.name}")
                total += cur.fetchone()[0]
            return total
    finally:
        con.close()


def _spark_env(ctx: BenchContext) -> dict[str, str]:
    return {"WELFARE_SPARK_DIR": str(ctx.work_dir / "spark"), "SPARK_LOCAL_IP": "127.0.0.1"}


def _spark_prepare(ctx: BenchContext) -> None:
    shutil.rmtree(ctx.work_dir / "spark", ignore_errors=True)


def _spark_load(ctx: BenchContext) -> StageCommand:
    return StageCommand([sys.executable, "-m", "welfare_segments.cli", "load", "--target", "spark",
                         "--raw-dir", str(ctx.raw_dir)], env=_spark_env(ctx), cwd=ctx.project_dir)


def _spark_build(ctx: BenchContext) -> StageCommand:
    return StageCommand(_build_argv(ctx, "spark"), env=_spark_env(ctx), cwd=ctx.project_dir)


def _raw_rows_loaded(ctx: BenchContext) -> int:
    # Spark reads copies of the raw files: every row of every file is loaded
    return sum(_raw_row_counts(ctx.raw_dir).values())


# One entry per engine: its own load and build. generate and the floor are shared.
TARGETS: dict[str, Target] = {
    "duckdb": Target(load=_duckdb_load, build=_duckdb_build, loaded_rows=_duckdb_loaded_rows),
    "postgres": Target(load=_postgres_load, build=_postgres_build, loaded_rows=_postgres_loaded_rows,
                       prepare=_postgres_prepare, finish=_postgres_finish),
    "spark": Target(load=_spark_load, build=_spark_build, loaded_rows=_raw_rows_loaded,
                    prepare=_spark_prepare),
}


def _generate_command(ctx: BenchContext) -> StageCommand:
    argv = [sys.executable, "-m", "welfare_segments.cli", "generate",
            "--persons", str(ctx.persons), "--seed", str(ctx.seed), "--years", str(ctx.years),
            "--out", str(ctx.raw_dir)]
    if ctx.faults:
        argv += ["--faults", str(ctx.faults)]
    return StageCommand(argv)


def _floor_command(ctx: BenchContext) -> StageCommand:
    argv = [sys.executable, "-m", "welfare_segments.bench", "floor", str(ctx.raw_dir)]
    if ctx.threads:
        argv.append(str(ctx.threads))
    return StageCommand(argv)


@dataclass
class StageResult:
    name: str
    seconds: float
    process_seconds: float
    peak_rss_mb: float
    rows: int
    output: str = ""

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "seconds": round(self.seconds, 6),
            "process_seconds": round(self.process_seconds, 6),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "rows": self.rows,
            "rows_per_second": round(self.rows_per_second, 1),
        }


def run_child(name: str, command: StageCommand, log_path: Path) -> tuple[float, float, str]:
    """Run one stage as a child process; return (wall seconds, peak RSS MB, output).

    The output goes to ``log_path`` (no pipe to drain); a non-zero exit raises
    BenchError with the tail of the output.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, **command.env)
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(command.argv, stdout=log, stderr=subprocess.STDOUT, env=env,
                                    cwd=str(command.cwd) if command.cwd else None)
        except OSError as exc:
            raise BenchError(f"stage {name}: cannot start {command.argv[0]} ({exc})") from exc
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    returncode = os.waitstatus_to_exitcode(status)
    proc.returncode = returncode  # reaped by wait4: keep Popen from waiting again
    output = _ANSI.sub("", log_path.read_text(encoding="utf-8", errors="replace"))
    if returncode != 0:
        raise BenchError(
            f"stage {name} failed with exit code {returncode}: {' '.join(command.argv)}\n"
            f"--- last lines of its output ({log_path}) ---\n{output[-OUTPUT_TAIL_CHARS:]}"
        )
    peak_mb = usage.ru_maxrss / 1024.0  # KiB on Linux
    return seconds, peak_mb, output


def _raw_row_counts(raw_dir: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    from welfare_segments.contract import RAW_TABLES

    return {t.name: pq.read_metadata(raw_dir / t.file_name).num_rows for t in RAW_TABLES}




def slowest_nodes(run_results: Path, n: int = SLOWEST_KEPT) -> list[dict]:
    """The n slowest nodes (models, tests, seeds) of a dbt run, slowest first."""
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    nodes = [
        {
            "unique_id": r["unique_id"],
            "resource_type": r["unique_id"].split(".", 1)[0],
            "status": r.get("status"),
            "execution_time": round(float(r.get("execution_time") or 0.0), 4),
        }
        for r in results
    ]
    nodes.sort(key=lambda node: node["execution_time"], reverse=True)
    return nodes[:n]


def dbt_time_summary(run_results: Path) -> dict:
    """dbt's own elapsed time, node count and the sum of node times per resource type."""
    doc = json.loads(run_results.read_text(encoding="utf-8"))
    by_type: dict[str, float] = {}
    for r in doc["results"]:
        kind = r["unique_id"].split(".", 1)[0]
        by_type[kind] = by_type.get(kind, 0.0) + float(r.get("execution_time") or 0.0)
    return {
        "elapsed_seconds": round(float(doc.get("elapsed_time") or 0.0), 4),
        "nodes": len(doc["results"]),
        "node_seconds_by_type": {k: round(v, 4) for k, v in sorted(by_type.items())},
    }


def machine_info() -> dict:
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass

    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    return {
        "cpus": os.cpu_count(),
        "mem_gb": mem_gb,
        "python": platform.python_version(),
        "duckdb": version("duckdb"),
        "dbt": version("dbt-core"),
        "dbt_duckdb": version("dbt-duckdb"),
    }


def _find_project_dir() -> Path:
    """The dbt project: the current folder if it has dbt_project.yml, else the repository of this package."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[1]):
        if (candidate / "dbt_project.yml").is_file():
            return candidate
    raise BenchError("no dbt_project.yml in the current folder: run bench from the project's root")


def check_target(target: str) -> Target:
    if target not in TARGETS:
        raise BenchError(f"target {target}: not yet supported by bench (supported: {', '.join(TARGETS)})")
    return TARGETS[target]


def run_bench(persons: int, seed: int, years: int, target: str, work_dir: Path,
              threads: int | None = None, faults: float = 0.0, select: tuple[str, ...] = (),
              echo: Callable[[str], None] = print) -> dict:
    """Run the four stages and return the report (the JSON document)."""
    engine = check_target(target)
    if persons < 1:
        raise BenchError("persons must be at least 1")
    ctx = BenchContext(persons=persons, seed=seed, years=years, target=target,
                       work_dir=Path(work_dir).resolve(), threads=threads, faults=faults,
                       select=tuple(select), project_dir=_find_project_dir())
    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    # A clean start: the bench owns these paths inside its work folder.
    for folder in (ctx.raw_dir, ctx.target_dir):
        shutil.rmtree(folder, ignore_errors=True)
    for path in (ctx.warehouse, ctx.warehouse.with_name(ctx.warehouse.name + ".wal")):
        path.unlink(missing_ok=True)
    logs = ctx.log_dir

    stages: list[StageResult] = []

    def stage(name: str, command: StageCommand) -> tuple[float, float, str]:
        echo(f"bench: {name} ...")
        seconds, peak, output = run_child(name, command, logs / f"bench_{name.replace(' ', '_')}.log")
        echo(f"bench: {name}: {seconds:.2f} s (process), peak {peak:.0f} MB")
        return seconds, peak, output

    seconds, peak, _ = stage("generate", _generate_command(ctx))
    raw_counts = _raw_row_counts(ctx.raw_dir)
    raw_rows = sum(raw_counts.values())
    stages.append(StageResult("generate", seconds, seconds, peak, raw_rows))

    engine.prepare(ctx)
    try:
        seconds, peak, _ = stage("load", engine.load(ctx))
        stages.append(StageResult("load", seconds, seconds, peak, engine.loaded_rows(ctx)))

        seconds, peak, _ = stage("dbt build", engine.build(ctx))
        stages.append(StageResult("dbt build", seconds, seconds, peak, raw_rows))
    finally:
        engine.finish(ctx)
    run_results = ctx.target_dir / "run_results.json"
    slowest = slowest_nodes(run_results) if run_results.is_file() else []
    dbt_timing = dbt_time_summary(run_results) if run_results.is_file() else {}

    process_seconds, peak, output = stage("floor", _floor_command(ctx))
    floor = json.loads(output.strip().splitlines()[-1])
    stages.append(StageResult("floor", floor["seconds"], process_seconds, peak, floor["rows"]))

    stage_rows = [s.as_json() for s in stages]
    # the ratio of the figures as reported, so that anyone can recompute it from the JSON
    dbt_seconds = stage_rows[2]["seconds"]
    floor_seconds = stage_rows[3]["seconds"]
    return {
        "persons": persons,
        "seed": seed,
        "years": years,
        "faults": faults,
        "target": target,
        "threads": threads,
        "select": list(select),
        "floor_duckdb_threads": floor["threads"],
        "machine": machine_info(),
        "raw_rows": raw_counts,
        "generated_persons_per_second": round(persons / stages[0].seconds, 1),
        "stages": stage_rows,
        "floor_seconds": floor_seconds,
        "floor_persons": floor["persons"],
        "ratio": dbt_seconds / floor_seconds if floor_seconds > 0 else None,
        "slowest_nodes": slowest,
        "dbt_timing": dbt_timing,
        "work_dir": str(ctx.work_dir),
    }


def format_report(report: dict) -> str:
    """The printed table, the ratio and the slowest nodes."""
    lines = [(f"bench: {report['persons']:,} persons x {report['years']} year(s), seed {report['seed']}, "
              f"target {report['target']} ({report['machine']['cpus']} CPUs, {report['machine']['mem_gb']} GB)")]
    if report.get("select"):
        lines.append(f"dbt build of a part of the project: --select {' '.join(report['select'])}")
    lines.append("")
    lines.append(f"{'stage':<28}{'seconds':>9}{'peak MB':>10}{'rows/s':>13}")
    for s in report["stages"]:
        label = FLOOR_LABEL if s["name"] == "floor" else s["name"]
        lines.append(f"{label:<28}{s['seconds']:>9.2f}{s['peak_rss_mb']:>10.0f}{s['rows_per_second']:>13,.0f}")
    gen = report["stages"][0]
    floor = report["stages"][3]
    lines.append("")
    lines.append(f"generate: {gen['rows']:,} rows, {report['generated_persons_per_second']:,.0f} persons/s; "
                 f"dbt build rows/s counts the {gen['rows']:,} raw rows")
    lines.append(f"floor: query time inside a fresh DuckDB connection ({report['floor_duckdb_threads']} threads), "
                 f"{floor['rows']:,} cost rows, {report['floor_persons']:,} persons; "
                 f"the floor process took {floor['process_seconds']:.2f} s in all")
    ratio = report["ratio"]
    lines.append(f"ratio dbt build / floor: {ratio:.1f}" if ratio is not None else "ratio dbt build / floor: n/a")
    timing = report.get("dbt_timing") or {}
    if timing:
        sums = ", ".join(f"{kind} {secs:.1f} s" for kind, secs in timing["node_seconds_by_type"].items())
        lines.append(f"dbt build: {timing['nodes']} nodes, dbt's own elapsed {timing['elapsed_seconds']:.1f} s "
                     f"(the rest of the wall time is process start and parsing); node time: {sums}")
    if report["slowest_nodes"]:
        lines.append("")
        lines.append(f"slowest dbt nodes (of {SLOWEST_KEPT} in the JSON):")
        for node in report["slowest_nodes"][:SLOWEST_PRINTED]:
            lines.append(f"  {node['execution_time']:>8.2f} s  {node['unique_id']}")
    return "\n".join(lines)


# --- the floor, run as its own process: python -m welfare_segments.bench floor RAW_DIR [THREADS]

FLOOR_SQL = """
create table person_cost as
select person_id, sum(cost) as cost
from (
    select person_id, try_cast(amount as double) as cost
    from read_parquet('{ledger}')
    where person_id is not null
    union all
    select person_id, try_cast(tariff_amount as double) as cost
    from read_parquet('{hospital}')
    union all
    select person_id, try_cast(fee_amount as double) as cost
    from read_parquet('{insurance}')
) as costs
group by person_id
"""


def floor_query(raw_dir: Path, threads: int | None = None) -> dict:
    """Time the minimal single-pass aggregation (sum of all costs per person) in a fresh connection."""
    import duckdb

    def path(name: str) -> str:
        return str(Path(raw_dir) / f"{name}.parquet").replace("'", "''")

    sql = FLOOR_SQL.format(ledger=path("ledger_postings"), hospital=path("hospital_contacts"),
                           insurance=path("health_insurance_services"))
    con = duckdb.connect()
    if threads:
        con.execute(f"set threads = {int(threads)}")
    used_threads = con.execute("select current_setting('threads')").fetchone()[0]
    started = time.perf_counter()
    con.execute(sql)
    persons = con.execute("select count(*) from person_cost").fetchone()[0]
    seconds = time.perf_counter() - started
    rows = con.execute(
        f"select (select count(*) from read_parquet('{path('ledger_postings')}') where person_id is not null)"
        f" + (select count(*) from read_parquet('{path('hospital_contacts')}'))"
        f" + (select count(*) from read_parquet('{path('health_insurance_services')}'))"
    ).fetchone()[0]
    con.close()
    return {"seconds": seconds, "rows": int(rows), "persons": int(persons), "threads": int(used_threads)}


def _main(argv: list[str]) -> int:
    if len(argv) in (2, 3) and argv[0] == "floor":
        threads = int(argv[2]) if len(argv) == 3 else None
        print(json.dumps(floor_query(Path(argv[1]), threads)))
        return 0
    print("usage: python -m welfare_segments.bench floor RAW_DIR [THREADS]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
