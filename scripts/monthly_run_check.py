"""A monthly run at scale, checked against a full refresh.

Generates an extract, cuts it at 1 December of the last year, loads and
builds it; reloads the whole extract (December arrives, and the generator's
chunked files gain rows in the middle) and builds incrementally; builds the
same extract with --full-refresh in a second warehouse; and compares every
mart of the two warehouses. Prints the seconds of each step.

    export WELFARE_PSEUDONYM_KEY=<at least 32 characters>   # the cut extract is no longer the generator's
    .venv/bin/python scripts/monthly_run_check.py --persons 1000000 --work-dir bench/monthly

Exits 1 when a build fails or a mart differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.compute as pc
import pyarrow.parquet as pq

from welfare_segments.generator import generate
from welfare_segments.loader import load

REPO = Path(__file__).resolve().parents[1]
DATED = {"ledger_postings": "booking_date", "hospital_contacts": "start_date", "health_insurance_services": "service_date"}
MART_SCHEMAS = ("restricted", "analytics", "audit", "quarantine")


def build(warehouse: Path, name: str, *extra: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "build", *extra, "--profiles-dir", str(REPO / "profiles"),
         "--project-dir", str(REPO), "--target-path", str(warehouse.parent / f"target_{name}"),
         "--log-path", str(warehouse.parent / f"logs_{name}")],
        cwd=REPO, env=dict(os.environ, WELFARE_WAREHOUSE=str(warehouse)), capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        print(result.stdout[-3000:])
        sys.exit(f"dbt build {name} failed")
    return time.perf_counter() - started


def marts(warehouse: Path) -> dict[str, list]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {MART_SCHEMAS} order by 1, 2"
        ).fetchall()
        out = {}
        for schema, table in tables:
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "and column_name not in ('source_row_number', 'file_sha256', 'dbt_invocation_id') "
                "order by ordinal_position", [schema, table]).fetchall()]
            listed = ", ".join(f'"{c}"' for c in columns)
            out[f"{schema}.{table}"] = con.execute(f"select {listed} from {schema}.{table} order by all").fetchall()
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--last-year", type=int, default=2025)
    parser.add_argument("--work-dir", type=Path, default=REPO / "bench" / "monthly")
    args = parser.parse_args()
    work = args.work_dir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    timings = {}

    started = time.perf_counter()
    whole = work / "raw_whole"
    generate(whole, persons=args.persons, seed=20240101, years=args.years, last_year=args.last_year)
    november = work / "raw_november"
    shutil.copytree(whole, november)
    for table, column in DATED.items():
        rows = pq.read_table(whole / f"{table}.parquet")
        pq.write_table(rows.filter(pc.less(rows[column], dt.date(args.last_year, 12, 1))), november / f"{table}.parquet")
    timings["generate and cut"] = time.perf_counter() - started

    monthly, full = work / "monthly.duckdb", work / "full.duckdb"
    load(november, monthly)
    timings["build, extract to November"] = build(monthly, "november")
    load(whole, monthly)
    timings["build, incremental with December"] = build(monthly, "december")
    load(whole, full)
    timings["build, full refresh"] = build(full, "full", "--full-refresh")

    started = time.perf_counter()
    incremental, refreshed = marts(monthly), marts(full)
    differing = [name for name in refreshed if incremental.get(name) != refreshed[name]]
    timings["compare marts"] = time.perf_counter() - started
    for step, seconds in timings.items():
        print(f"{step:<36}{seconds:>9.1f} s")
    rows = sum(map(len, refreshed.values()))
    print(f"{len(refreshed)} marts, {rows:,} rows: "
          + ("the monthly run equals the full refresh" if not differing else f"differ: {', '.join(differing)}"))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
