"""Small helpers of the generator: dates as int day numbers, ids, hashing, Parquet writing."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from welfare_segments.contract import RawTable

#: "no date" sentinel (far future) for day numbers kept as int64 days since 1970-01-01.
INF = 10_000_000

_EPOCH = _dt.date(1970, 1, 1)

ARROW_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "double": pa.float64(),
    "int": pa.int64(),
    "boolean": pa.bool_(),
}


def day(y: int, m: int = 1, d: int = 1) -> int:
    """Day number (days since 1970-01-01) of a calendar date."""
    return (_dt.date(y, m, d) - _EPOCH).days


def month_bounds(y: int) -> np.ndarray:
    """13 day numbers: the first day of each month of year y and 1 January of y+1."""
    return np.array([day(y, m, 1) for m in range(1, 13)] + [day(y + 1, 1, 1)], dtype=np.int64)


def years_to_days(a) -> np.ndarray:
    return np.round(np.asarray(a, dtype=np.float64) * 365.25).astype(np.int64)


def digits_ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    """Strings ``prefix + zero-padded number`` built without a Python loop."""
    nums = np.asarray(numbers, dtype=np.int64).copy()
    n = nums.shape[0]
    pre = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    mat = np.empty((n, len(pre) + width), dtype=np.uint8)
    mat[:, : len(pre)] = pre
    for k in range(width - 1, -1, -1):
        mat[:, len(pre) + k] = 48 + (nums % 10)
        nums //= 10
    arr = np.ascontiguousarray(mat).view(f"S{len(pre) + width}").ravel()
    return pa.array(arr, type=pa.binary(len(pre) + width)).cast(pa.string())


def seq_ids(prefix: str, n: int, width: int = 10, start: int = 1) -> pa.Array:
    return digits_ids(prefix, np.arange(start, start + n, dtype=np.int64), width)


def splitmix(x: np.ndarray) -> np.ndarray:
    """Vectorised splitmix64 finaliser (uint64 -> uint64)."""
    z = np.asarray(x, dtype=np.uint64).copy()
    with np.errstate(over="ignore"):
        z += np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return z


def persistent_uniform(keys: np.ndarray, salt: int) -> np.ndarray:
    """A uniform in [0, 1) that is a fixed function of (key, salt): a person's lasting propensity."""
    k = np.asarray(keys, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = splitmix(k * np.uint64(1_000_003) + np.uint64(salt) * np.uint64(0x632BE59BD9B4E019))
    return (h >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def take_strings(values: list[str], codes: np.ndarray, null_mask: np.ndarray | None = None) -> pa.Array:
    """String array from a small vocabulary and integer codes (null where null_mask)."""
    vocab = pa.array(values, type=pa.string())
    idx = pa.array(np.asarray(codes, dtype=np.int64), mask=null_mask)
    return vocab.take(idx)


def date_array(days: np.ndarray, null_mask: np.ndarray | None = None) -> pa.Array:
    d = np.asarray(days, dtype=np.int64)
    if null_mask is not None:
        d = np.where(null_mask, 0, d)
    return pa.array(d.astype(np.int32), type=pa.int32(), mask=null_mask).cast(pa.date32())


def write_table(table: RawTable, columns: dict[str, pa.Array], out_dir: Path,
                types: dict[str, pa.DataType] | None = None) -> int:
    """Write one contract table with exactly its columns, order and types; return its row count.

    ``types`` overrides the Arrow type of some columns (the fault injection writes the
    ledger's amount and booking date as text).
    """
    arrays = []
    fields = []
    for col in table.columns:
        arr = columns[col.name]
        typ = (types or {}).get(col.name, ARROW_TYPES[col.type])
        if not isinstance(arr, (pa.Array, pa.ChunkedArray)):
            arr = pa.array(arr, type=typ)
        if arr.type != typ:
            arr = arr.cast(typ)
        if not col.nullable and arr.null_count:
            raise ValueError(f"{table.name}.{col.name}: {arr.null_count} nulls in a non-nullable column")
        arrays.append(arr)
        fields.append(pa.field(col.name, typ, nullable=col.nullable))
    tbl = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    pq.write_table(
        tbl,
        Path(out_dir) / table.file_name,
        compression="zstd",
        compression_level=3,
        use_dictionary=True,
        write_statistics=True,
        row_group_size=1 << 20,
    )
    return tbl.num_rows
