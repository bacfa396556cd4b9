"""welfare-segments: generate synthetic extracts, load them, run the demo, validate the marts, print headline figures."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_WAREHOUSE = Path("warehouse/welfare.duckdb")


def _cmd_generate(args: argparse.Namespace) -> int:
    from welfare_segments.generator import generate

    started = time.perf_counter()
    counts = generate(
        out_dir=Path(args.out),
        persons=args.persons,
        seed=args.seed,
        years=args.years,
        last_year=args.last_year,
        faults=getattr(args, "faults", 0.0),
    )
    seconds = time.perf_counter() - started
    for name, rows in counts.items():
        print(f"  {name:<28}{rows:>12,} rows")
    if getattr(args, "faults", 0.0) > 0:
        import json

        manifest = json.loads((Path(args.out) / "faults_manifest.json").read_text(encoding="utf-8"))
        classes = manifest["classes"]
        print(f"injected faults (rate {manifest['rate']:g}): {sum(c['count'] for c in classes.values()):,} rows")
        for name, cls in classes.items():
            print(f"  {name:<40}{cls['count']:>8,} rows")
    print(
        f"generated {args.persons:,} persons x {args.years} year(s) in {seconds:.2f} s "
        f"({args.persons / seconds:,.0f} persons per second) into {args.out}"
    )
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    from welfare_segments.loader import RawContractError, load, load_postgres, load_spark, postgres_dsn, spark_dir

    started = time.perf_counter()
    target = getattr(args, "target", "duckdb")
    try:
        if target == "postgres":
            counts = load_postgres(Path(args.raw_dir))
            destination = postgres_dsn()
        elif target == "spark":
            counts = load_spark(Path(args.raw_dir))
            destination = f"the Spark metastore in {spark_dir()}"
        else:
            counts = load(Path(args.raw_dir), Path(args.warehouse))
            destination = args.warehouse
    except RawContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    rows = sum(counts.values())
    print(f"loaded {rows:,} rows in {len(counts)} raw tables into {destination} in {seconds:.2f} s")
    return 0


def _cmd_headline(args: argparse.Namespace) -> int:
    print(_headline_text(Path(args.warehouse)))
    return 0


def _cmd_calibration(args: argparse.Namespace) -> int:
    from welfare_segments.calibration import report

    warehouse = Path(args.warehouse)
    if not warehouse.exists():
        print(f"error: {warehouse} does not exist: build it first (make demo)", file=sys.stderr)
        return 2
    text, found = report(warehouse)
    print(text)
    return 1 if args.strict and not all(r.within for r in found) else 0


def _dbt(*args: str, warehouse: Path) -> None:
    """Run a dbt command of the project in the current folder against the warehouse."""
    dbt = Path(sys.executable).with_name("dbt")
    env = dict(os.environ, WELFARE_WAREHOUSE=str(warehouse))
    command = [str(dbt) if dbt.exists() else "dbt", *args, "--profiles-dir", "profiles"]
    completed = subprocess.run(command, env=env, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"error: {' '.join(command[:2])} failed with exit code {completed.returncode}")


def _cmd_demo(args: argparse.Namespace) -> int:
    """Generate, load, build, document: the whole main job, timed per stage."""
    warehouse = Path(args.warehouse)
    raw_dir = Path(args.raw_dir)
    stages: list[tuple[str, float]] = []

    def timed(name: str, func) -> None:
        started = time.perf_counter()
        result = func()
        if isinstance(result, int) and result != 0:
            raise SystemExit(result)
        stages.append((name, time.perf_counter() - started))

    gen_args = argparse.Namespace(
        out=str(raw_dir), persons=args.persons, seed=args.seed, years=args.years, last_year=args.last_year,
        faults=args.faults,
    )
    timed("generate", lambda: _cmd_generate(gen_args))
    timed("load", lambda: _cmd_load(argparse.Namespace(raw_dir=str(raw_dir), warehouse=str(warehouse))))
    # a newly generated extract replaces the old one whole: rebuild the
    # incremental models from scratch (monthly runs use a plain dbt build)
    timed("dbt build", lambda: _dbt("build", "--full-refresh", warehouse=warehouse))
    timed("dbt docs generate", lambda: _dbt("docs", "generate", warehouse=warehouse))
    gx_docs = Path("target/gx_docs")
    timed("validate (GX)", lambda: _cmd_validate(argparse.Namespace(warehouse=str(warehouse), docs_dir=str(gx_docs))))
    print()
    print("stage                 seconds")
    for name, seconds in stages:
        print(f"{name:<20}{seconds:>9.1f}")
    print(f"{'total':<20}{sum(seconds for _, seconds in stages):>9.1f}")
    print()
    print(f"warehouse: {warehouse.resolve()}  (schemas raw, reference, staging, intermediate, restricted, analytics, audit, quarantine)")
    print(f"docs:      {Path('target/index.html').resolve()}  (serve with: .venv/bin/dbt docs serve --profiles-dir profiles)")
    print(f"GX docs:   {(gx_docs / 'index.html').resolve()}")
    print()
    print(_headline_text(warehouse))
    return 0


def _headline_text(warehouse: Path) -> str:
    from welfare_segments.headline import headline

    return headline(warehouse)


def _cmd_validate(args: argparse.Namespace) -> int:
    """Validate the marts with great-expectations; write GX data docs; exit 1 on any failed expectation."""
    from welfare_segments.validation import MartNotFoundError, format_summary, validate

    started = time.perf_counter()
    try:
        summary = validate(Path(args.warehouse), Path(args.docs_dir))
    except (FileNotFoundError, MartNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_summary(summary))
    print(f"validated in {time.perf_counter() - started:.1f} s")
    return 0 if summary.success else 1


def _cmd_publish(args: argparse.Namespace) -> int:
    """The analytics marts alone, as a DuckDB file, Parquet files and optionally XLSX, for analysts."""
    from welfare_segments.publish import PublishError, publish

    try:
        counts = publish(Path(args.warehouse), Path(args.out), xlsx=args.xlsx)
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, rows in counts.items():
        print(f"  analytics.{name:<30}{rows:>10,} rows")
    print(f"published {len(counts)} analytics marts to {args.out}")
    return 0


def _cmd_check_docs(args: argparse.Namespace) -> int:
    """Documentation and key-test gates over dbt's manifest.json and catalog.json."""
    from welfare_segments.gates import documentation_coverage, models_without_key_test

    coverage = documentation_coverage(Path(args.target_dir))
    unkeyed = models_without_key_test(Path(args.target_dir))
    print(f"documented: {coverage.described:,} of {coverage.total:,} models, seeds, sources and columns ({coverage.percent:.1f} %)")
    for name in coverage.missing:
        print(f"  not described: {name}")
    for name in unkeyed:
        print(f"  no primary-key test: {name}")
    return 0 if not coverage.missing and not unkeyed else 1


def _cmd_bench(args: argparse.Namespace) -> int:
    """Generate, load, dbt build and the DuckDB floor, each in its own process: seconds, peak memory, rows/s."""
    import json

    from welfare_segments.bench import BenchError, check_target, format_report, run_bench

    try:
        check_target(args.target)
        work_dir = Path(args.work_dir)
        report = run_bench(persons=args.persons, seed=args.seed, years=args.years, target=args.target,
                           work_dir=work_dir, threads=args.threads, faults=args.faults,
                           select=args.select or ())
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    json_path = Path(args.json) if args.json else work_dir / f"bench_{args.target}_{args.persons}.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(format_report(report))
    print(f"\nJSON: {json_path}")
    return 0



def _bounded(kind, low, high):
    """An argparse type: a number of `kind` in [low, high], else a one-line usage error."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {kind.__name__}") from None
        if not (low <= value <= high):
            raise argparse.ArgumentTypeError(f"{text} is outside {low}..{high}")
        return value
    return parse


# Generator limits: below MIN_PERSONS the synthetic families and services are
# too few for every table; beyond MAX_YEARS the calendar logic is untested.
MIN_PERSONS, MAX_PERSONS = 50, 20_000_000
MAX_YEARS = 30
PERSONS = _bounded(int, MIN_PERSONS, MAX_PERSONS)
YEARS = _bounded(int, 1, MAX_YEARS)
LAST_YEAR = _bounded(int, 1990, 2100)
FAULT_RATE = _bounded(float, 0.0, 0.5)

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="welfare-segments", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="write a synthetic municipality and region as raw Parquet extracts")
    gen.add_argument("--persons", type=PERSONS, default=22600, help="residents on 1 January of the last year (default: Stevns size, 22,600)")
    gen.add_argument("--seed", type=int, default=20240101, help="random seed; the same arguments give byte-identical files")
    gen.add_argument("--years", type=YEARS, default=1, help="number of consecutive analysis years (default 1)")
    gen.add_argument("--last-year", type=LAST_YEAR, default=2025, help="last analysis year (default 2025)")
    gen.add_argument("--out", default="data/raw", help="output folder (default data/raw)")
    gen.add_argument("--faults", type=FAULT_RATE, default=0.0, metavar="RATE",
                     help="corrupt about this share of rows (e.g. 0.02) and write faults_manifest.json (default 0)")
    gen.set_defaults(func=_cmd_generate)

    load = sub.add_parser("load", help="check raw Parquet extracts against the contract and load them into the raw schema")
    load.add_argument("--raw-dir", default="data/raw", help="folder with one Parquet file per raw table")
    load.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default warehouse/welfare.duckdb)")
    load.add_argument("--target", choices=["duckdb", "postgres", "spark"], default="duckdb",
                      help="where to load: the DuckDB file, PostgreSQL (connection from WELFARE_PG_* variables) "
                           "or local Spark (WELFARE_SPARK_DIR, default .spark)")
    load.set_defaults(func=_cmd_load)

    demo = sub.add_parser("demo", help="generate, load, dbt build and dbt docs generate, timed per stage")
    demo.add_argument("--persons", type=PERSONS, default=22600)
    demo.add_argument("--seed", type=int, default=20240101)
    demo.add_argument("--years", type=YEARS, default=1)
    demo.add_argument("--last-year", type=LAST_YEAR, default=2025)
    demo.add_argument("--faults", type=FAULT_RATE, default=0.0, metavar="RATE", help="share of rows to corrupt (quarantine demo)")
    demo.add_argument("--raw-dir", default="data/raw")
    demo.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE))
    demo.set_defaults(func=_cmd_demo)

    head = sub.add_parser("headline", help="print the headline figures of a built warehouse")
    head.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE))
    head.set_defaults(func=_cmd_headline)

    calib = sub.add_parser("calibration", help="print a built Stevns-size warehouse's figures beside the published Stevns figures")
    calib.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE))
    calib.add_argument("--strict", action="store_true", help="exit 1 when a figure is outside its tolerance")
    calib.set_defaults(func=_cmd_calibration)

    check = sub.add_parser("validate", help="validate the marts with great-expectations and write GX data docs")
    check.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default warehouse/welfare.duckdb)")
    check.add_argument("--docs-dir", default="target/gx_docs", help="folder for the GX data docs (default target/gx_docs)")
    check.set_defaults(func=_cmd_validate)
    pub = sub.add_parser("publish", help="write the analytics marts alone (DuckDB, Parquet, optionally XLSX) for analysts")
    pub.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="DuckDB file (default warehouse/welfare.duckdb)")
    pub.add_argument("--out", default="publish", help="output folder (default publish/)")
    pub.add_argument("--xlsx", action="store_true", help="also write analytics.xlsx, one sheet per mart")
    pub.set_defaults(func=_cmd_publish)
    docs = sub.add_parser("check-docs", help="fail unless every model, source, seed and column is described and every model has a key test")
    docs.add_argument("--target-dir", default="target", help="dbt target folder with manifest.json and catalog.json (run dbt docs generate first)")
    docs.set_defaults(func=_cmd_check_docs)
    bench = sub.add_parser("bench", help="time generate, load, dbt build and a DuckDB single-pass floor; print a table and write JSON")
    bench.add_argument("--persons", type=PERSONS, required=True, help="residents to generate")
    bench.add_argument("--seed", type=int, default=20240101)
    bench.add_argument("--years", type=YEARS, default=1)
    bench.add_argument("--faults", type=FAULT_RATE, default=0.0, metavar="RATE", help="share of rows to corrupt (default 0)")
    bench.add_argument("--target", default="duckdb", help="engine to load and build on: duckdb, postgres or spark")
    bench.add_argument("--work-dir", default="bench", help="folder for raw files, warehouse, target and logs (default bench/)")
    bench.add_argument("--json", default=None, help="report file (default WORK_DIR/bench_<target>_<persons>.json)")
    bench.add_argument("--threads", type=int, default=None,
                       help="dbt --threads and the floor's DuckDB threads (default: the profile's and DuckDB's own)")
    bench.add_argument("--select", nargs="+", default=None, metavar="SELECTOR",
                       help="time a part of the project: dbt's node selection (default: the whole build)")
    bench.set_defaults(func=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
