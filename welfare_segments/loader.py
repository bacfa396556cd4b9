"""Load raw extracts (Parquet files of the raw contract) into the warehouse.

The loader checks the structure of every file against ``contract.RAW_TABLES``
before anything is written: a missing file, a missing column or a column of the
wrong type stops the load with one message that names the file, the column and
what was expected. Row-level problems (bad values) are not the loader's business:
they flow on to dbt, which quarantines them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from welfare_segments.contract import RAW_TABLES, RawTable

# Arrow types accepted for each logical type of the contract.
_ACCEPTED = {
    "string": lambda t: pa.types.is_string(t) or pa.types.is_large_string(t),
    "date": pa.types.is_date,
    "double": lambda t: pa.types.is_floating(t) or pa.types.is_integer(t) or pa.types.is_decimal(t),
    "int": pa.types.is_integer,
    "boolean": pa.types.is_boolean,
}

_SQL_TYPES = {
    "string": "varchar",
    "date": "date",
    "double": "double",
    "int": "bigint",
    "boolean": "boolean",
}


class RawContractError(Exception):
    """A raw file does not match the contract."""


def check_file(table: RawTable, raw_dir: Path) -> Path:
    """Return the file's path if its structure matches the contract, else raise."""
    path = raw_dir / table.file_name
    if not path.is_file():
        raise RawContractError(
            f"raw file {path}: missing (expected the '{table.name}' extract of the raw contract)"
        )
    try:
        schema = pq.read_schema(path)
    except Exception as exc:  # unreadable or not Parquet
        raise RawContractError(f"raw file {path}: not a readable Parquet file ({exc})") from exc
    for col in table.columns:
        if col.name not in schema.names:
            raise RawContractError(
                f"raw file {path}: column '{col.name}' is missing "
                f"(expected {col.type}; found columns: {', '.join(schema.names)})"
            )
        found = schema.field(col.name).type
        if not _ACCEPTED[col.type](found):
            raise RawContractError(
                f"raw file {path}: column '{col.name}' has type {found}, expected {col.type}"
            )
    return path


def load(raw_dir: Path, warehouse: Path, schema: str = "raw") -> dict[str, int]:
    """Check every raw file, then (re)create the raw tables. Returns row counts."""
    raw_dir = Path(raw_dir)
    paths = {table.name: check_file(table, raw_dir) for table in RAW_TABLES}
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create schema if not exists {schema}")
        for table in RAW_TABLES:
            select_list = ", ".join(
                f"cast({col.name} as {_SQL_TYPES[col.type]}) as {col.name}" for col in table.columns
            )
            path = str(paths[table.name]).replace("'", "''")
            con.execute(
                f"create or replace table {schema}.{table.name} as "
                f"select {select_list} from read_parquet('{path}')"
            )
            counts[table.name] = con.execute(f"select count(*) from {schema}.{table.name}").fetchone()[0]
    return counts
