"""Fault injection: corrupt a share of the clean synthetic rows, with a manifest of what was done.

``inject_faults(tables, rate, rng, ...)`` takes the clean columns of every raw table
(``{table: {column: pyarrow.Array}}``, as ``generate`` is about to write them),
corrupts about ``rate`` x (rows) of each table that has fault classes, and returns
the manifest plus the Arrow types that differ from the contract (the ledger's
``amount`` and ``booking_date`` become text so that invalid values can exist).

Every corrupted row gets exactly one class, and the name of the class is the
reason the dbt project gives when it quarantines the row. The rows are chosen so
that no clean row becomes invalid through a fault in another row:

* placement deliveries (functions ``5.28.*``) are never corrupted, since they decide
  who is a placed child of the municipality;
* ``duplicate_key`` copies a posting that is itself left clean and appends the copy
  at the end of the file;
* ``person_not_resident`` uses persons of the register who have no residence in the
  municipality at any time in the analysis years and no rows of their own;
* ``unknown_address_id`` only touches residences of persons without any posting,
  delivery, hospital contact or health-insurance service (after the other faults)
  who are not a parent of a child with a placement delivery.

All randomness comes from the ``rng`` handed in (a stream of its own, so the clean
data is the same with and without faults).

Chunks: ``generate`` builds large populations in chunks of households (self-contained
districts) and calls ``inject_chunk_faults`` once per chunk, in chunk order, with the
row offsets of the earlier chunks in each file (so a manifest row number is the 1-based
position in the final file), a container of taken person ids that covers every chunk
(so an 'unknown' person id is unknown in the whole register), and the number of the
next free address id. The rules above hold within each chunk, and since persons,
relations and the ledger's pools of one chunk never refer to another chunk, they hold
for the whole files. Duplicated postings follow the rows of their own chunk.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pyarrow as pa

__all__ = [
    "CLASSES",
    "MUNICIPALITY_CODE",
    "TABLE_CLASSES",
    "TYPE_OVERRIDES",
    "build_manifest",
    "format_amounts",
    "inject_chunk_faults",
    "inject_faults",
]

MUNICIPALITY_CODE = "336"
PLACEMENT_PREFIX = "5.28."

PERSON_TABLES = ("ledger_postings", "service_deliveries", "hospital_contacts", "health_insurance_services")

#: The classes of each table, in the order the rows are drawn (the spread of the rows
#: over the classes follows this order too).
TABLE_CLASSES: dict[str, tuple[str, ...]] = {
    "ledger_postings": (
        "unknown_person_id",
        "malformed_person_id",
        "unknown_function_number",
        "duplicate_key",
        "invalid_amount",
        "invalid_booking_date",
        "booking_date_outside_analysis_years",
    ),
    "service_deliveries": (
        "unknown_person_id",
        "malformed_person_id",
        "unknown_function_number",
        "non_positive_activity_units",
        "period_end_before_start",
    ),
    "hospital_contacts": (
        "unknown_person_id",
        "malformed_person_id",
        "period_end_before_start",
        "person_not_resident",
        "invalid_diagnosis_code",
    ),
    "health_insurance_services": (
        "unknown_person_id",
        "malformed_person_id",
        "person_not_resident",
    ),
    "residences": ("unknown_address_id",),
}

CLASSES: tuple[str, ...] = tuple(sorted({c for cs in TABLE_CLASSES.values() for c in cs}))

KEY_COLUMNS = {
    "ledger_postings": "posting_id",
    "service_deliveries": "delivery_id",
    "hospital_contacts": "contact_id",
    "health_insurance_services": "service_id",
}

INVALID_AMOUNTS = ("n/a", "12..50", "abc", "")
INVALID_DIAGNOSES = ("XYZ", "123.4", "E1", "")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_EPOCH = _dt.date(1970, 1, 1)


# --- small array helpers ---------------------------------------------------------------

def _objects(arr: pa.Array) -> np.ndarray:
    """A string column as a numpy object array (None where null)."""
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=object).copy()


def _days(arr: pa.Array) -> np.ndarray:
    """A non-null date32 column as int64 day numbers."""
    return arr.cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64)


def _date_str(days: int) -> str:
    return (_EPOCH + _dt.timedelta(days=int(days))).isoformat()


def _strings(values: np.ndarray) -> pa.Array:
    return pa.array(list(values), type=pa.string())


def format_amounts(amounts: np.ndarray) -> np.ndarray:
    """Kroner as text: '%.2f' (the amounts are in øre), or repr where that would lose precision."""
    a = np.asarray(amounts, dtype=np.float64)
    text = np.char.mod("%.2f", a).astype(object)
    exact = text.astype(np.float64) == a
    for i in np.flatnonzero(~exact):
        text[i] = repr(float(a[i]))
    return text


def _split(total: int, k: int) -> list[int]:
    base, rem = divmod(total, k)
    return [base + (1 if i < rem else 0) for i in range(k)]


def _targets(table: str, n_rows: int, rate: float) -> dict[str, int]:
    classes = TABLE_CLASSES[table]
    total = round(rate * n_rows)
    if n_rows >= 100:
        total = max(total, len(classes))
    return dict(zip(classes, _split(total, len(classes))))


class _Picker:
    """Draws disjoint rows of one table for its classes."""

    def __init__(self, n: int, rng: np.random.Generator) -> None:
        self.used = np.zeros(n, dtype=bool)
        self.rng = rng

    def pick(self, eligible: np.ndarray, k: int) -> np.ndarray:
        pool = np.flatnonzero(eligible & ~self.used)
        k = min(k, pool.shape[0])
        idx = np.sort(self.rng.choice(pool, size=k, replace=False)) if k else np.zeros(0, dtype=np.int64)
        self.used[idx] = True
        return idx


# --- fault values ----------------------------------------------------------------------

def _unknown_ids(rng: np.random.Generator, k: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        v = f"{int(rng.integers(0, 10**10)):010d}"
        if v not in taken:
            taken.add(v)
            out.append(v)
    return out


def _malformed_ids(rng: np.random.Generator, k: int) -> list[str]:
    out = []
    for i in range(k):
        form = i % 3
        if form == 0:  # 9 digits
            out.append(f"{int(rng.integers(0, 10**9)):09d}")
        elif form == 1:  # 11 digits
            out.append(f"{int(rng.integers(0, 10**11)):011d}")
        else:  # 10 characters with a letter
            out.append(LETTERS[int(rng.integers(0, 26))] + f"{int(rng.integers(0, 10**9)):09d}")
    return out


def _unknown_functions(rng: np.random.Generator, k: int, catalogue: set[str]) -> list[str]:
    out = []
    while len(out) < k:
        v = f"{int(rng.integers(0, 10))}.{int(rng.integers(0, 100)):02d}.{int(rng.integers(0, 100)):02d}"
        if v not in catalogue:
            out.append(v)
    return out


# --- the injection ---------------------------------------------------------------------

def _non_residents(tables: dict, first_year: int, last_year: int) -> np.ndarray:
    """Persons of the register with no residence in the municipality in the analysis years and no rows,
    alive and born before the analysis years."""
    per = tables["persons"]
    res = tables["residences"]
    adr = tables["addresses"]
    muni = dict(zip(adr["address_id"].to_pylist(), adr["municipality_code"].to_pylist()))
    start, end = (_dt.date(first_year, 1, 1) - _EPOCH).days, (_dt.date(last_year + 1, 1, 1) - _EPOCH).days
    vf = _days(res["valid_from"])
    vt_arr = res["valid_to"]
    vt = np.where(np.asarray(vt_arr.is_null()), np.iinfo(np.int64).max,
                  vt_arr.fill_null(_EPOCH).cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64))
    here = np.array([muni.get(a) == MUNICIPALITY_CODE for a in res["address_id"].to_pylist()], dtype=bool)
    overlap = (vf < end) & (vt > start)
    resident = set(np.asarray(res["person_id"].to_pylist(), dtype=object)[here & overlap])
    with_rows: set[str] = set()
    for t in PERSON_TABLES:
        with_rows.update(x for x in tables[t]["person_id"].to_pylist() if x is not None)
    birth = _days(per["birth_date"])
    death = per["death_date"]
    alive = np.asarray(death.is_null()) | (
        death.fill_null(_EPOCH).cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64) >= end)
    ids = per["person_id"].to_pylist()
    ok = [p for p, b, a in zip(ids, birth, alive) if a and b < start and p not in resident and p not in with_rows]
    return np.array(sorted(ok), dtype=object)


def _add_non_residents(tables: dict, rng: np.random.Generator, first_year: int, n: int = 5, taken=None,
                       next_address_number: int | None = None) -> np.ndarray:
    """Add a few clean persons who live in another municipality (used when the register has none)."""
    per, res, adr = tables["persons"], tables["residences"], tables["addresses"]
    if taken is None:
        taken = set(per["person_id"].to_pylist())
    new_ids = _unknown_ids(rng, n, taken)
    addr_ids = adr["address_id"].to_pylist()
    codes = adr["municipality_code"].to_pylist()
    kinds = adr["address_kind"].to_pylist()
    elsewhere = [a for a, c, k in zip(addr_ids, codes, kinds) if c != MUNICIPALITY_CODE and k == "private"]
    if not elsewhere:
        number = len(addr_ids) + 1 if next_address_number is None else next_address_number
        new_addr = f"ADR{number:08d}"
        adr["address_id"] = pa.concat_arrays([adr["address_id"], pa.array([new_addr], pa.string())])
        adr["municipality_code"] = pa.concat_arrays([adr["municipality_code"], pa.array(["101"], pa.string())])
        adr["address_kind"] = pa.concat_arrays([adr["address_kind"], pa.array(["private"], pa.string())])
        elsewhere = [new_addr]
    birth = [(_dt.date(first_year - 40, 1, 1) - _EPOCH).days + int(rng.integers(0, 3650)) for _ in new_ids]
    per["person_id"] = pa.concat_arrays([per["person_id"], pa.array(new_ids, pa.string())])
    per["birth_date"] = pa.concat_arrays([per["birth_date"], pa.array(birth, pa.int32()).cast(pa.date32())])
    per["sex"] = pa.concat_arrays([per["sex"], pa.array([("F", "M")[int(rng.integers(0, 2))] for _ in new_ids], pa.string())])
    per["death_date"] = pa.concat_arrays([per["death_date"], pa.nulls(len(new_ids), pa.date32())])
    # residences stay ordered by person and date: insert each new person's residence at its place
    old = list(zip(res["person_id"].to_pylist(), _days(res["valid_from"]).tolist()))
    add = [(p, b) for p, b in zip(new_ids, birth)]
    order = sorted(range(len(old) + len(add)), key=lambda i: (old + add)[i])
    cols = {
        "person_id": pa.concat_arrays([res["person_id"], pa.array(new_ids, pa.string())]),
        "address_id": pa.concat_arrays([res["address_id"], pa.array(
            [elsewhere[int(rng.integers(0, len(elsewhere)))] for _ in new_ids], pa.string())]),
        "valid_from": pa.concat_arrays([res["valid_from"], pa.array(birth, pa.int32()).cast(pa.date32())]),
        "valid_to": pa.concat_arrays([res["valid_to"], pa.nulls(len(new_ids), pa.date32())]),
    }
    take = pa.array(order, pa.int64())
    for name, arr in cols.items():
        res[name] = arr.take(take)
    return np.array(sorted(new_ids), dtype=object)


#: the Arrow types that differ from the contract when faults are injected
TYPE_OVERRIDES = {"ledger_postings": {"amount": pa.string(), "booking_date": pa.string()}}


def inject_faults(
    tables: dict[str, dict[str, pa.Array]],
    rate: float,
    rng: np.random.Generator,
    seed: int,
    first_year: int,
    last_year: int,
    catalogue_functions: set[str],
) -> tuple[dict, dict[str, dict[str, pa.DataType]]]:
    """Corrupt the tables (all of one file set, one chunk) in place; return (manifest, Arrow type overrides)."""
    rows = inject_chunk_faults(tables, rate, rng, first_year, last_year, catalogue_functions)
    return build_manifest(rate, seed, rows), TYPE_OVERRIDES


def build_manifest(rate: float, seed: int, rows: dict[str, list[tuple[str, int, str]]]) -> dict:
    """The manifest of the rows of every chunk (row numbers already positions in the final files)."""
    return {
        "rate": rate,
        "seed": seed,
        "classes": {
            cls: {
                "count": len(rows.get(cls, [])),
                "rows": [{"table": t, "row_number": r, "key": k} for t, r, k in sorted(rows.get(cls, []))],
            }
            for cls in CLASSES
        },
    }


def inject_chunk_faults(
    tables: dict[str, dict[str, pa.Array]],
    rate: float,
    rng: np.random.Generator,
    first_year: int,
    last_year: int,
    catalogue_functions: set[str],
    *,
    taken=None,
    row_offsets: dict[str, int] | None = None,
    next_address_number: int | None = None,
    district: int = 0,
) -> dict[str, list[tuple[str, int, str]]]:
    """Corrupt one chunk's tables in place; return the corrupted rows per class as (table, row number, key).

    ``taken``: person ids that must not be used as unknown ids (``in`` and ``add``; default:
    the chunk's own persons). ``row_offsets``: rows of earlier chunks in each file.
    ``next_address_number``: number of the next free address id (default: after the chunk's).
    ``district``: the chunk's number, part of its unknown address ids.
    """
    if not rate > 0:
        raise ValueError("rate must be positive")
    rows: dict[str, list[tuple[str, int, str]]] = {c: [] for c in CLASSES}
    offsets = row_offsets or {}
    taken_ids = set(tables["persons"]["person_id"].to_pylist()) if taken is None else taken

    donors = _non_residents(tables, first_year, last_year)
    if donors.shape[0] == 0:
        donors = _add_non_residents(tables, rng, first_year, taken=taken_ids, next_address_number=next_address_number)
        for d in donors.tolist():
            taken_ids.add(d)

    def record(cls: str, table: str, idx: np.ndarray, keys: list) -> None:
        off = offsets.get(table, 0)
        for i in idx.tolist():
            rows[cls].append((table, off + i + 1, keys[i]))

    # --- tables with a person id -------------------------------------------------------
    dup_sources = np.zeros(0, dtype=np.int64)
    for table in PERSON_TABLES:
        cols = tables[table]
        n = len(cols["person_id"])
        target = _targets(table, n, rate)
        pick = _Picker(n, rng)
        keys = cols[KEY_COLUMNS[table]].to_pylist()
        pid = _objects(cols["person_id"])
        has_pid = np.array([p is not None for p in pid], dtype=bool)
        everything = np.ones(n, dtype=bool)
        eligible = everything
        if "function_number" in cols:
            fn = _objects(cols["function_number"])
            if table == "service_deliveries":
                eligible = ~np.array([f.startswith(PLACEMENT_PREFIX) for f in fn], dtype=bool)
        changed: set[str] = set()
        if table == "ledger_postings":
            # text columns, so that invalid values can exist
            cols["amount"] = format_amounts(cols["amount"].to_numpy(zero_copy_only=False))
            cols["booking_date"] = _objects(cols["booking_date"].cast(pa.string()))

        for cls in TABLE_CLASSES[table]:
            k = target[cls]
            if cls == "unknown_person_id":
                idx = pick.pick(eligible & has_pid, k)
                pid[idx] = _unknown_ids(rng, idx.shape[0], taken_ids)
                changed.add("person_id")
            elif cls == "malformed_person_id":
                idx = pick.pick(eligible & has_pid, k)
                pid[idx] = _malformed_ids(rng, idx.shape[0])
                changed.add("person_id")
            elif cls == "person_not_resident":
                idx = pick.pick(eligible, k)
                pid[idx] = donors[rng.integers(0, donors.shape[0], size=idx.shape[0])]
                changed.add("person_id")
            elif cls == "unknown_function_number":
                idx = pick.pick(eligible, k)
                fn[idx] = _unknown_functions(rng, idx.shape[0], catalogue_functions)
                changed.add("function_number")
            elif cls == "duplicate_key":
                # the originals stay clean: picking marks them used
                dup_sources = pick.pick(eligible, k)
                continue
            elif cls == "invalid_amount":
                idx = pick.pick(eligible, k)
                amounts = cols["amount"]
                vals = [INVALID_AMOUNTS[j % len(INVALID_AMOUNTS)] for j in range(idx.shape[0])]
                amounts[idx] = vals
            elif cls == "invalid_booking_date":
                idx = pick.pick(eligible, k)
                dates = cols["booking_date"]
                vals = []
                for j, i in enumerate(idx.tolist()):
                    form = j % 3
                    year = int(dates[i][:4])
                    vals.append((f"{year}-02-30", f"31/12/{year}", "")[form])
                dates[idx] = vals
            elif cls == "booking_date_outside_analysis_years":
                idx = pick.pick(eligible, k)
                dates = cols["booking_date"]
                vals = []
                for _ in range(idx.shape[0]):
                    year = (first_year - 1, last_year + 1)[int(rng.integers(0, 2))]
                    d0 = (_dt.date(year, 1, 1) - _EPOCH).days
                    d1 = (_dt.date(year + 1, 1, 1) - _EPOCH).days
                    vals.append(_date_str(int(rng.integers(d0, d1))))
                dates[idx] = vals
            elif cls == "non_positive_activity_units":
                units = cols["activity_units"]
                unit_null = np.asarray(units.is_null())
                idx = pick.pick(eligible & ~unit_null, k)
                vals = units.fill_null(0.0).to_numpy(zero_copy_only=False).astype(np.float64).copy()
                for j, i in enumerate(idx.tolist()):
                    vals[i] = 0.0 if j % 2 == 0 else -float(max(1.0, round(abs(vals[i]), 2)))
                cols["activity_units"] = pa.array(vals, type=pa.float64(), mask=unit_null if unit_null.any() else None)
            elif cls == "period_end_before_start":
                idx = pick.pick(eligible, k)
                s_col, e_col = (("period_start", "period_end") if table == "service_deliveries"
                                else ("start_date", "end_date"))
                start = _days(cols[s_col])
                end = _days(cols[e_col]).copy()
                end[idx] = start[idx] - rng.integers(1, 31, size=idx.shape[0])
                cols[e_col] = pa.array(end.astype(np.int32), type=pa.int32()).cast(pa.date32())
            elif cls == "invalid_diagnosis_code":
                idx = pick.pick(eligible, k)
                diag = _objects(cols["primary_diagnosis"])
                diag[idx] = [INVALID_DIAGNOSES[j % len(INVALID_DIAGNOSES)] for j in range(idx.shape[0])]
                cols["primary_diagnosis"] = _strings(diag)
            else:  # pragma: no cover - a class listed without an injector
                raise AssertionError(cls)
            record(cls, table, idx, keys)

        if "person_id" in changed:
            cols["person_id"] = _strings(pid)
        if "function_number" in changed:
            cols["function_number"] = _strings(fn)
        if table == "ledger_postings":
            cols["amount"] = _strings(cols["amount"])
            cols["booking_date"] = _strings(cols["booking_date"])
            # exact copies of clean postings, appended after all original rows
            take = pa.array(dup_sources, type=pa.int64())
            for name in list(cols):
                cols[name] = pa.concat_arrays([cols[name], cols[name].take(take)])
            record("duplicate_key", table, np.arange(n, n + dup_sources.shape[0]),
                   keys + [keys[i] for i in dup_sources.tolist()])

    # --- residences at an unknown address ---------------------------------------------
    res = tables["residences"]
    n = len(res["person_id"])
    target = _targets("residences", n, rate)
    with_rows: set[str] = set(donors.tolist())
    for table in PERSON_TABLES:
        with_rows.update(x for x in tables[table]["person_id"].to_pylist() if x is not None)
    # parents of a child with a placement delivery decide whether the child is placed from here
    dlv = tables["service_deliveries"]
    placed = {p for p, f in zip(dlv["person_id"].to_pylist(), dlv["function_number"].to_pylist())
              if f.startswith(PLACEMENT_PREFIX)}
    rel = tables["relations"]
    parents = {q for p, q, t in zip(rel["person_id"].to_pylist(), rel["related_person_id"].to_pylist(),
                                    rel["relation_type"].to_pylist()) if p in placed and t in ("mother", "father")}
    res_pid = res["person_id"].to_pylist()
    eligible = np.array([p not in with_rows and p not in parents for p in res_pid], dtype=bool)
    idx = _Picker(n, rng).pick(eligible, target["unknown_address_id"])
    addr = _objects(res["address_id"])
    tag = "" if district == 0 else f"{district:03d}-"
    addr[idx] = [f"ADR-UNKNOWN-{tag}{j + 1:04d}" for j in range(idx.shape[0])]
    res["address_id"] = _strings(addr)
    vf = res["valid_from"].cast(pa.string()).to_pylist()
    record("unknown_address_id", "residences", idx, [f"{p}|{d}" for p, d in zip(res_pid, vf)])

    return rows
