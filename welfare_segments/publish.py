"""Hand the analytics marts to analysts: a separate DuckDB file, one Parquet
file per mart and optionally an XLSX workbook, with no person-level row.

Only tables of the schema `analytics` are copied; the warehouse is attached
read-only. In the published file the marts are tables of its schema main,
so `select * from cost_concentration` and, with the file attached under its
own name, `analytics.cost_concentration` both work. A mart with a column that holds person or family ids stops the
publication (the analytics marts are aggregates: such a column is a bug).
"""

from __future__ import annotations

import re
from pathlib import Path

ANALYTICS_SCHEMA = "analytics"
PUBLISHED_DATABASE = "analytics.duckdb"
PUBLISHED_XLSX = "analytics.xlsx"
# Columns that would identify a person or a family (pseudonyms included).
PERSON_LEVEL_COLUMN = re.compile(r"(^|_)(person|family|unit|mother|father|child|parent)_id$|^cpr", re.IGNORECASE)
# Excel's limit on a sheet name.
XLSX_SHEET_NAME_MAX = 31


class PublishError(RuntimeError):
    """The warehouse cannot be published (missing, not built, person-level column)."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def publish(warehouse: Path, out_dir: Path, xlsx: bool = False) -> dict[str, int]:
    """Write the analytics marts of the warehouse to out_dir; return rows per mart."""
    import duckdb

    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise PublishError(f"warehouse {warehouse} does not exist: build it first (make demo)")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    database = out_dir / PUBLISHED_DATABASE
    # a fresh file each time: no table of an earlier publication survives
    for stale in (database, database.with_name(database.name + ".wal")):
        stale.unlink(missing_ok=True)

    con = duckdb.connect()
    try:
        try:
            con.execute(f"attach {_sql_string(str(warehouse))} as warehouse (read_only)")
        except duckdb.Error as exc:
            raise PublishError(f"warehouse {warehouse} cannot be opened: {str(exc).splitlines()[0]}") from None
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = 'warehouse' and table_schema = ? order by table_name",
                [ANALYTICS_SCHEMA],
            ).fetchall()
        ]
        if not tables:
            raise PublishError(f"warehouse {warehouse} has no schema {ANALYTICS_SCHEMA} with tables: run dbt build first")
        for table in tables:
            columns = [
                name
                for (name,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_catalog = 'warehouse' and table_schema = ? and table_name = ?",
                    [ANALYTICS_SCHEMA, table],
                ).fetchall()
            ]
            person_level = [column for column in columns if PERSON_LEVEL_COLUMN.search(column)]
            if person_level:
                raise PublishError(
                    f"{ANALYTICS_SCHEMA}.{table} has person-level column(s) {', '.join(person_level)}: not published"
                )

        con.execute(f"attach {_sql_string(str(database))} as published")
        counts = {}
        for table in tables:
            source = f"warehouse.{ANALYTICS_SCHEMA}.{_quote(table)}"
            con.execute(f"create table published.main.{_quote(table)} as select * from {source}")
            parquet = out_dir / f"{table}.parquet"
            con.execute(f"copy (select * from {source}) to {_sql_string(str(parquet))} (format parquet)")
            counts[table] = con.execute(f"select count(*) from {source}").fetchone()[0]
        if xlsx:
            _write_xlsx(con, tables, out_dir / PUBLISHED_XLSX)
        con.execute("detach published")
    finally:
        con.close()
    return counts


def _write_xlsx(con, tables: list[str], path: Path) -> None:
    try:
        import openpyxl  # noqa: F401  (pandas' XLSX writer)
    except ImportError:
        raise PublishError("--xlsx needs openpyxl: pip install -r requirements.txt") from None
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for table in tables:
            frame = con.execute(f"select * from warehouse.{ANALYTICS_SCHEMA}.{_quote(table)}").df()
            frame.to_excel(writer, sheet_name=table[:XLSX_SHEET_NAME_MAX], index=False)
