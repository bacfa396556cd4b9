"""Small helpers of the generator: dates as int day numbers, ids, hashing, Parquet writing (whole or in chunks)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from welfare_segments.contract import ARROW_TYPES, RawTable

#: "no date" sentinel (far future) for day numbers kept as int64 days since 1970-01-01.
INF = 10_000_000

_EPOCH = _dt.date(1970, 1, 1)



def day(y: int, m: int = 1, d: int = 1) -> int:
    """Day number (days since 1970-01-01) of a calendar date."""
    return (_dt.date(y, m, d) - _EPOCH).days


def month_bounds(y: int) -> np.ndarray:
    """13 day numbers: the first day of each month of year y and 1 January of y+1."""
    return np.array([day(y, m, 1) for m in range(1, 13)] + [day(y + 1, 1, 1)], dtype=np.int64)


def years_to_days(a) -> np.ndarray:
    return np.round(np.asarray(a, dtype=np.float64) * 365.25).astype(np.int64)


# the four ASCII digits of 0..9999 as one little-endian uint32 each
_DIGITS4 = np.array([list(f"{i:04d}".encode("ascii")) for i in range(10000)], dtype=np.uint8).view("<u4").ravel()


def digits_ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    """Strings ``prefix + zero-padded number`` built without a Python loop (four digits at a time)."""
    nums = np.asarray(numbers, dtype=np.int64)
    n = nums.shape[0]
    pre = prefix.encode("ascii")
    groups = -(-width // 4)
    dig = np.empty((n, groups), dtype="<u4")
    rest = nums
    for j in range(groups - 1, -1, -1):
        if j:
            rest, r = np.divmod(rest, 10000)
        else:
            r = rest % 10000
        dig[:, j] = _DIGITS4[r]
    size = len(pre) + width
    mat = np.empty((n, size), dtype=np.uint8)
    mat[:, : len(pre)] = np.frombuffer(pre, dtype=np.uint8)
    mat[:, len(pre):] = dig.view(np.uint8)[:, 4 * groups - width:]
    if (n + 1) * size < 2**31:
        offsets = np.arange(0, (n + 1) * size, size, dtype=np.int32)
        return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(mat))
    arr = mat.view(f"S{size}").ravel()
    return pa.array(arr, type=pa.binary(size)).cast(pa.string())


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


PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3, "use_dictionary": True, "write_statistics": True}
ROW_GROUP_SIZE = 1 << 20


def arrow_schema(table: RawTable, types: dict[str, pa.DataType] | None = None) -> pa.Schema:
    """The Arrow schema of a contract table (``types`` overrides some columns)."""
    return pa.schema([pa.field(c.name, (types or {}).get(c.name, ARROW_TYPES[c.type]), nullable=c.nullable)
                      for c in table.columns])


def arrow_table(table: RawTable, columns: dict[str, pa.Array], types: dict[str, pa.DataType] | None = None) -> pa.Table:
    """Exactly the contract's columns, order and types (non-nullable columns checked)."""
    schema = arrow_schema(table, types)
    arrays = []
    for col, fld in zip(table.columns, schema):
        arr = columns[col.name]
        if not isinstance(arr, (pa.Array, pa.ChunkedArray)):
            arr = pa.array(arr, type=fld.type)
        if arr.type != fld.type:
            arr = arr.cast(fld.type)
        if not col.nullable and arr.null_count:
            raise ValueError(f"{table.name}.{col.name}: {arr.null_count} nulls in a non-nullable column")
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, schema=schema)


class TableWriter:
    """Appends chunks of one contract table to its Parquet file (one ParquetWriter, row groups per chunk).

    The file is written under a temporary name and renamed on ``close()``, so a run that
    fails half-way never leaves a truncated file under the table's name.
    """

    def __init__(self, table: RawTable, out_dir: Path, types: dict[str, pa.DataType] | None = None) -> None:
        self.table = table
        self.types = types
        self.path = Path(out_dir) / table.file_name
        self.tmp = self.path.with_name(self.path.name + ".partial")
        self.schema = arrow_schema(table, types)
        self.writer = pq.ParquetWriter(self.tmp, self.schema, **PARQUET_OPTIONS)
        self.rows = 0

    def write(self, columns: dict[str, pa.Array]) -> int:
        tbl = arrow_table(self.table, columns, self.types)
        self.writer.write_table(tbl, row_group_size=ROW_GROUP_SIZE)
        self.rows += tbl.num_rows
        return tbl.num_rows

    def close(self) -> None:
        self.writer.close()
        self.tmp.replace(self.path)

    def abort(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


def write_table(table: RawTable, columns: dict[str, pa.Array], out_dir: Path,
                types: dict[str, pa.DataType] | None = None) -> int:
    """Write one contract table in one go (see ``TableWriter`` for chunks); return its row count.

    ``types`` overrides the Arrow type of some columns (the fault injection writes the
    ledger's amount and booking date as text).
    """
    tbl = arrow_table(table, columns, types)
    pq.write_table(tbl, Path(out_dir) / table.file_name, row_group_size=ROW_GROUP_SIZE, **PARQUET_OPTIONS)
    return tbl.num_rows
