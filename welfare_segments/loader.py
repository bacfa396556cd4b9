"""Load raw extracts (Parquet files of the raw contract) into the warehouse.

The loader checks the structure of every file against ``contract.RAW_TABLES``
before anything is written: a missing file, a missing column or a column of the
wrong type stops the load with one message that names the file, the column and
what was expected. Row-level problems (bad values) are not the loader's business:
they flow on to dbt, which quarantines them.

Dates and amounts may arrive as text (many municipal exports are text): such a
column is loaded as text and parsed in staging, where a value that does not
parse is quarantined with its row. Every raw table gets ``source_row_number``,
the 1-based position of the row in its file, so a quarantined row can always be
found again. ``raw.extract_info`` records whether the extract is synthetic
(from the generator's ``dataset.json``); the dbt build refuses to pseudonymise a
non-synthetic extract with the demo key.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from welfare_segments.contract import ARROW_TYPES, RAW_TABLES, RawColumn, RawTable, file_sha256

# Logical types that may also arrive as text, to be parsed (and quarantined
# when they do not parse) in staging.
_TEXT_ALLOWED = {"date", "double"}

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
        if col.name not in schema.names and col.optional:
            continue
        if col.name not in schema.names:
            raise RawContractError(
                f"raw file {path}: column '{col.name}' is missing "
                f"(expected {col.type}; found columns: {', '.join(schema.names)})"
            )
        found = schema.field(col.name).type
        as_text = col.type in _TEXT_ALLOWED and _ACCEPTED["string"](found)
        if not (_ACCEPTED[col.type](found) or as_text):
            raise RawContractError(
                f"raw file {path}: column '{col.name}' has type {found}, expected {col.type}"
            )
    _check_text_encoding(path, [col.name for col in table.columns if col.name in schema.names
                                and _ACCEPTED["string"](schema.field(col.name).type)])
    return path


def _is_text(col: RawColumn, schema: pa.Schema) -> bool:
    """A date or number column that arrives as text (staging parses it)."""
    return col.name in schema.names and col.type in _TEXT_ALLOWED and _ACCEPTED["string"](schema.field(col.name).type)


def _check_text_encoding(path: Path, text_columns: list[str]) -> None:
    """Every text value is valid UTF-8, or raise naming row and column (never
    the value: it may identify a person). Checked before anything is loaded,
    so a bad byte in one file leaves the previous extract as it was."""
    if not text_columns:
        return
    first_row = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=65_536, columns=text_columns):
        for name, column in zip(batch.schema.names, batch.columns, strict=True):
            try:
                column.validate(full=True)
            except pa.ArrowInvalid:
                for offset, value in enumerate(column.cast(pa.binary()).to_pylist()):
                    try:
                        if value is not None:
                            value.decode("utf-8")
                    except UnicodeDecodeError as exc:
                        raise RawContractError(
                            f"raw file {path}: row {first_row + offset}, column '{name}': text is not valid "
                            f"UTF-8 (byte {exc.start + 1} of the value); re-export the file with UTF-8 text"
                        ) from None
                raise
        first_row += batch.num_rows


def _select_list(table: RawTable, path: Path) -> str:
    """Cast each column to its contract type, except dates and amounts that
    arrive as text: those stay text for staging to parse."""
    schema = pq.read_schema(path)
    columns = []
    for col in table.columns:
        if col.name not in schema.names:  # an optional column the extract leaves out
            columns.append(f"cast(null as {_SQL_TYPES[col.type]}) as {col.name}")
        elif _is_text(col, schema):
            columns.append(f"cast({col.name} as varchar) as {col.name}")
        else:
            columns.append(f"cast({col.name} as {_SQL_TYPES[col.type]}) as {col.name}")
    columns.append("cast(file_row_number + 1 as bigint) as source_row_number")
    return ", ".join(columns)


def read_dataset_info(raw_dir: Path) -> dict:
    """The generator's dataset.json, or an empty dict for a municipality's own extract."""
    path = Path(raw_dir) / "dataset.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise RawContractError(f"raw file {path}: not valid JSON ({exc})") from exc


AMOUNT_FORMATS = ("point", "danish")


def amount_format(info: dict, raw_dir: Path) -> str | None:
    """The extract's declared amount_format ('point' 1234.50 or 'danish'
    1.234,50) from dataset.json, or None when it declares none (dbt then uses
    the var amount_format, default 'point')."""
    declared = info.get("amount_format")
    if declared is not None and declared not in AMOUNT_FORMATS:
        raise RawContractError(
            f"raw file {Path(raw_dir) / 'dataset.json'}: amount_format is {declared!r}, "
            f"expected one of {', '.join(AMOUNT_FORMATS)}"
        )
    return declared


def synthetic_mark_problem(info: dict, paths: dict[str, Path]) -> str | None:
    """Why dataset.json's synthetic mark does not hold for these files, or
    None when it holds (or the extract claims no mark)."""
    if not info.get("synthetic", False):
        return None
    recorded = info.get("files") or {}
    for path in paths.values():
        expected = recorded.get(path.name)
        if expected is None:
            return f"dataset.json records no hash for {path.name}"
        if file_sha256(path) != expected:
            return f"{path.name} is not the file dataset.json was written for (its SHA-256 differs)"
    return None


def extract_info_row(info: dict, raw_dir: Path, paths: dict[str, Path]) -> tuple[bool, str, str | None]:
    """raw.extract_info's one row: is_synthetic (the generator's mark, and only
    where it matches the files), a description, the declared amount_format."""
    problem = synthetic_mark_problem(info, paths)
    if problem:
        print(f"raw dir {raw_dir}: synthetic mark refused, the extract is treated as real data: {problem}",
              file=sys.stderr)
    is_synthetic = bool(info.get("synthetic", False)) and problem is None
    description = json.dumps(info, sort_keys=True) if info else "own extract"
    if problem:
        description = f"synthetic mark refused: {problem}"
    return is_synthetic, description, amount_format(info, raw_dir)


CONTROL_TOTAL_COLUMNS = (
    ("table_name", "string"), ("file_name", "string"), ("file_sha256", "string"), ("record_month", "int"),
    ("n_rows", "int"), ("n_amounts", "int"), ("amount_sum", "double"),
)


def _control_amount_sql(column: str, is_text: bool, declared_format: str | None) -> str:
    """The kroner of a raw value as the declared format reads them, null when
    they do not parse, are not finite or are ambiguous. An independent reading
    of the format (the dbt staging layer has its own), so that the control
    totals check the pipeline's parse instead of repeating it."""
    if not is_text:
        return f"case when isfinite(cast({column} as double)) then cast({column} as double) end"
    text = f"trim({column})"
    if declared_format == "danish":
        ambiguous = f"({text} like '%.%' and not regexp_full_match({text}, '[+-]?[0-9]{{1,3}}([.][0-9]{{3}})+(,[0-9]+)?'))"
        number = f"try_cast(replace(replace({text}, '.', ''), ',', '.') as double)"
    else:
        ambiguous = (f"(({text} like '%.%' and {text} like '%,%') "
                     f"or regexp_full_match({text}, '[+-]?[0-9]{{1,3}}[.][0-9]{{3}}'))")
        number = f"try_cast({text} as double)"
    return f"case when not {ambiguous} and isfinite({number}) then {number} end"


def control_totals(table: RawTable, path: Path, declared_format: str | None) -> list[tuple]:
    """The loader's control totals of one raw file: its SHA-256 and, per month
    of the table's date (0 where the date does not parse; one row for a table
    without a date), the rows, the rows whose amount parses and their kroner
    (each rounded to the øre, as the pipeline keeps them)."""
    digest = file_sha256(path)
    if table.month_column is None:
        return [(table.name, path.name, digest, None, pq.read_metadata(path).num_rows, None, None)]
    schema = pq.read_schema(path)
    day = f"try_cast({table.month_column} as date)"
    month = f"coalesce(cast(extract(year from {day}) * 100 + extract(month from {day}) as integer), 0)"
    if table.amount_column is None:
        amount = "cast(null as double)"
    else:
        is_text = _ACCEPTED["string"](schema.field(table.amount_column).type)
        amount = _control_amount_sql(table.amount_column, is_text, declared_format)
    with duckdb.connect() as con:
        rows = con.execute(
            f"select {month} as record_month, count(*), count({amount}), "
            f"cast(sum(try_cast(round({amount}, 2) as decimal(38, 2))) as double) "
            "from read_parquet(?) group by record_month order by record_month",
            [str(path)],
        ).fetchall()
    return [(table.name, path.name, digest, m, n, n_amounts, kroner) for m, n, n_amounts, kroner in rows]


def all_control_totals(paths: dict[str, Path], info: dict, raw_dir: Path) -> list[tuple]:
    declared = amount_format(info, raw_dir)
    return [row for table in RAW_TABLES for row in control_totals(table, paths[table.name], declared)]


def load(raw_dir: Path, warehouse: Path, schema: str = "raw") -> dict[str, int]:
    """Check every raw file, then (re)create the raw tables. Returns row counts."""
    raw_dir = Path(raw_dir)
    paths = {table.name: check_file(table, raw_dir) for table in RAW_TABLES}
    info = read_dataset_info(raw_dir)
    totals = all_control_totals(paths, info, raw_dir)
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(warehouse)) as con:
        # one transaction: a load that fails half-way leaves the previous extract whole
        con.execute("begin transaction")
        con.execute(f"create schema if not exists {schema}")
        for table in RAW_TABLES:
            path = str(paths[table.name]).replace("'", "''")
            con.execute(
                f"create or replace table {schema}.{table.name} as "
                f"select {_select_list(table, paths[table.name])} "
                f"from read_parquet('{path}', file_row_number = true) "
                f"order by file_row_number"
            )
            counts[table.name] = con.execute(f"select count(*) from {schema}.{table.name}").fetchone()[0]
        con.execute(
            f"create or replace table {schema}.extract_info as "
            "select cast(? as boolean) as is_synthetic, cast(? as varchar) as description, "
            "cast(? as varchar) as amount_format",
            list(extract_info_row(info, raw_dir, paths)),
        )
        # the previous load's totals, against which the build checks that no table shrank sharply
        if con.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = 'load_control_totals'",
            [schema],
        ).fetchone()[0]:
            con.execute(
                f"create or replace table {schema}.previous_load_control_totals as "
                f"select * from {schema}.load_control_totals"
            )
        con.execute(
            f"create or replace table {schema}.load_control_totals ("
            + ", ".join(f"{name} {_SQL_TYPES[kind]}" for name, kind in CONTROL_TOTAL_COLUMNS) + ")"
        )
        con.executemany(
            f"insert into {schema}.load_control_totals values ({', '.join('?' for _ in CONTROL_TOTAL_COLUMNS)})",
            totals,
        )
        con.execute("commit")
    return counts


_PG_TYPES = {
    "string": "text",
    "date": "date",
    "double": "double precision",
    "int": "bigint",
    "boolean": "boolean",
}


def postgres_dsn() -> str:
    """Connection string of the project's PostgreSQL (scripts/postgres.sh), from WELFARE_PG_* variables."""
    return (
        f"host={os.environ.get('WELFARE_PG_HOST', '127.0.0.1')} "
        f"port={os.environ.get('WELFARE_PG_PORT', '55432')} "
        f"user={os.environ.get('WELFARE_PG_USER', 'postgres')} "
        f"dbname={os.environ.get('WELFARE_PG_DATABASE', 'welfare')}"
    )


def _ensure_postgres_database(dsn: str) -> None:
    import psycopg2

    params = dict(part.split("=", 1) for part in dsn.split())
    database = params.pop("dbname")
    admin = psycopg2.connect(" ".join(f"{k}={v}" for k, v in params.items()) + " dbname=postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("select 1 from pg_database where datname = %s", [database])
        if cur.fetchone() is None:
            cur.execute(f'create database "{database}"')
    admin.close()


def load_postgres(raw_dir: Path, dsn: str | None = None, schema: str = "raw") -> dict[str, int]:
    """Check every raw file, then (re)create the raw tables in PostgreSQL with COPY."""
    import io

    import psycopg2
    import pyarrow.csv as pacsv

    raw_dir = Path(raw_dir)
    paths = {table.name: check_file(table, raw_dir) for table in RAW_TABLES}
    info = read_dataset_info(raw_dir)
    totals = all_control_totals(paths, info, raw_dir)
    dsn = dsn or postgres_dsn()
    _ensure_postgres_database(dsn)
    counts: dict[str, int] = {}
    con = psycopg2.connect(dsn)
    try:
        with con, con.cursor() as cur:
            cur.execute(f"create schema if not exists {schema}")
            for table in RAW_TABLES:
                parquet = pq.ParquetFile(paths[table.name])
                file_schema = parquet.schema_arrow
                columns = []
                for col in table.columns:
                    columns.append(f"{col.name} {'text' if _is_text(col, file_schema) else _PG_TYPES[col.type]}")
                columns.append("source_row_number bigint")
                cur.execute(f"drop table if exists {schema}.{table.name} cascade")
                cur.execute(f"create table {schema}.{table.name} ({', '.join(columns)})")
                # an optional column the extract leaves out stays empty
                names = [col.name for col in table.columns if col.name in file_schema.names]
                offset = 0
                for batch in parquet.iter_batches(batch_size=200_000, columns=names):
                    numbers = pa.array(range(offset + 1, offset + batch.num_rows + 1), type=pa.int64())
                    batch = pa.RecordBatch.from_arrays([*batch.columns, numbers], names=[*names, "source_row_number"])
                    buffer = io.BytesIO()
                    pacsv.write_csv(batch, buffer, pacsv.WriteOptions(include_header=False))
                    buffer.seek(0)
                    cur.copy_expert(
                        f"copy {schema}.{table.name} ({', '.join(names)}, source_row_number) from stdin with (format csv)",
                        buffer,
                    )
                    offset += batch.num_rows
                counts[table.name] = offset
            cur.execute(f"drop table if exists {schema}.extract_info")
            cur.execute(
                f"create table {schema}.extract_info (is_synthetic boolean, description text, amount_format text)"
            )
            cur.execute(
                f"insert into {schema}.extract_info values (%s, %s, %s)",
                list(extract_info_row(info, raw_dir, paths)),
            )
            cur.execute("select to_regclass(%s)", [f"{schema}.load_control_totals"])
            if cur.fetchone()[0] is not None:
                cur.execute(f"drop table if exists {schema}.previous_load_control_totals")
                cur.execute(f"alter table {schema}.load_control_totals rename to previous_load_control_totals")
            cur.execute(
                f"create table {schema}.load_control_totals ("
                + ", ".join(f"{name} {_PG_TYPES[kind]}" for name, kind in CONTROL_TOTAL_COLUMNS) + ")"
            )
            cur.executemany(
                f"insert into {schema}.load_control_totals values ({', '.join('%s' for _ in CONTROL_TOTAL_COLUMNS)})",
                totals,
            )
    finally:
        con.close()
    return counts


def spark_dir() -> Path:
    """Folder of the Spark warehouse and Derby metastore (WELFARE_SPARK_DIR, default .spark)."""
    return Path(os.environ.get("WELFARE_SPARK_DIR", ".spark")).resolve()


def spark_session():
    """A local SparkSession with the settings of the `spark` profile (profiles/profiles.yml)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    base = spark_dir()
    return (
        SparkSession.builder.master("local[2]")
        .appName("welfare-segments-load")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir", f"{base}/warehouse")
        .config("spark.hadoop.javax.jdo.option.ConnectionURL", f"jdbc:derby:;databaseName={base}/metastore_db;create=true")
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={base}")
        .enableHiveSupport()
        .getOrCreate()
    )


def load_spark(raw_dir: Path, schema: str = "raw") -> dict[str, int]:
    """Check every raw file, then register it as a Parquet table of the Spark
    metastore (raw data are Parquet tables, not seeds): each file is copied
    with source_row_number added, and `create table ... using parquet` points
    at the copy."""
    raw_dir = Path(raw_dir)
    paths = {table.name: check_file(table, raw_dir) for table in RAW_TABLES}
    info = read_dataset_info(raw_dir)
    totals = all_control_totals(paths, info, raw_dir)
    files = spark_dir() / "raw_files"
    counts: dict[str, int] = {}
    # every copy is written under a hidden name (Spark skips files starting
    # with '.') and only then put in place, so a load that fails while
    # writing leaves the previous extract's files as they were
    incoming = {}
    for table in RAW_TABLES:
        present = pq.read_schema(paths[table.name]).names
        source = pq.read_table(paths[table.name], columns=[col.name for col in table.columns if col.name in present])
        # an optional column the extract leaves out is added empty, in contract order
        for position, col in enumerate(table.columns):
            if col.name not in present:
                source = source.add_column(position, col.name, pa.nulls(source.num_rows, ARROW_TYPES[col.type]))
        numbers = pa.array(range(1, source.num_rows + 1), type=pa.int64())
        destination = files / table.name
        destination.mkdir(parents=True, exist_ok=True)
        incoming[table.name] = destination / ".part-0.parquet.incoming"
        pq.write_table(source.append_column("source_row_number", numbers), incoming[table.name])
        counts[table.name] = source.num_rows
    for table in RAW_TABLES:
        destination = files / table.name
        for old in destination.glob("*.parquet"):
            if old.name != "part-0.parquet":
                old.unlink()
        os.replace(incoming[table.name], destination / "part-0.parquet")
    spark = spark_session()
    try:
        spark.sql(f"create database if not exists {schema}")
        for table in RAW_TABLES:
            spark.sql(f"drop table if exists {schema}.{table.name}")
            spark.sql(f"create table {schema}.{table.name} using parquet location '{files / table.name}'")
        spark.sql(f"drop table if exists {schema}.extract_info")
        spark.createDataFrame(
            [extract_info_row(info, raw_dir, paths)],
            "is_synthetic boolean, description string, amount_format string",
        ).write.format("parquet").saveAsTable(f"{schema}.extract_info")
        control_columns = ", ".join(
            f"{name} {'bigint' if kind == 'int' else kind}" for name, kind in CONTROL_TOTAL_COLUMNS
        )
        if spark.catalog.tableExists(f"{schema}.load_control_totals"):
            before = [tuple(row) for row in spark.table(f"{schema}.load_control_totals").collect()]
            spark.sql(f"drop table if exists {schema}.previous_load_control_totals")
            spark.createDataFrame(before, control_columns).write.format("parquet").saveAsTable(
                f"{schema}.previous_load_control_totals"
            )
        spark.sql(f"drop table if exists {schema}.load_control_totals")
        spark.createDataFrame(
            totals, control_columns,
        ).write.format("parquet").saveAsTable(f"{schema}.load_control_totals")
    finally:
        spark.stop()
    return counts
