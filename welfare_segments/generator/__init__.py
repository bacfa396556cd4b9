"""Synthetic municipality (Stevns-like) and region as raw Parquet extracts of the contract.

``generate(out_dir, persons, seed, years, last_year)`` writes one Parquet file per table
of ``welfare_segments.contract.RAW_TABLES`` and returns the row counts. All randomness
comes from ``np.random.SeedSequence(seed)``, spawned per part (population, municipal
ledger, regional activity, faults) and per year, so the same arguments give
byte-identical files. Everything is vectorised over persons.

Scaling to all of Denmark (millions of persons) in bounded memory: the population is
built in chunks of ``CHUNK_PERSONS`` persons (a fixed constant, so the output does not
depend on the machine; the persons are split evenly over ``ceil(persons / CHUNK_PERSONS)``
chunks). Each chunk is a self-contained district: its own households, institutions,
no-fixed-address pseudo addresses, placements, and cost centres (the names of chunk
``c > 0`` carry ``c``), so the ledger's pooled and deselected postings are split over
recipients of the same chunk. Chunk 0 uses the top-level streams of the seed (a run of
at most one chunk is the same as before chunking); chunk ``c > 0`` uses the children of
``SeedSequence(seed, spawn_key=(3, c))`` (the c-th child of the fourth top-level child).

Person ids are an invertible affine map of a global person index; chunk ``c`` owns the
indices ``c * PERSON_INDEX_STRIDE + 0, 1, ...``, so a chunk can be built anywhere without
knowing the others (and persistent draws use the global index as the key). Address,
posting, delivery, contact and service ids are global running numbers, given when the
chunks are written in order. Chunks are built ahead by up to two worker processes
(``_pool.py``) and written in chunk order (one ``ParquetWriter`` per table, row groups
per chunk), so the files do not depend on the number of workers. Faults are injected per chunk when it is written.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np
import pyarrow as pa

from welfare_segments.contract import (
    ADDRESSES,
    HEALTH_INSURANCE_SERVICES,
    HOSPITAL_CONTACTS,
    LEDGER_POSTINGS,
    PERSONS,
    RELATIONS,
    RESIDENCES,
    SERVICE_DELIVERIES,
    file_sha256,
)

from ._pool import ordered_map
from ._util import INF, TableWriter, date_array, digits_ids, seq_ids, take_strings
from .faults import CLASSES, TYPE_OVERRIDES, build_manifest, inject_chunk_faults
from .municipal import (
    GROUPINGS,
    SOURCES,
    UNITS,
    Ledger,
    delivery_fields,
    deselected,
    finish_direct,
    finish_year,
    refunds,
    year_costs,
)
from .population import ADDRESS_KINDS, MUNICIPALITIES, simulate
from .regional import CODES, CTYPES, PROVIDERS, SECTORS, Health, draw_conditions, year_health

__all__ = ["CHUNK_PERSONS", "chunk_sizes", "generate", "load_catalogue"]

#: persons per chunk (the output depends on it: do not make it depend on the machine)
CHUNK_PERSONS = 250_000
#: person indices reserved per chunk (a chunk's register, incl. births and movers, must stay below it)
PERSON_INDEX_STRIDE = 10_000_000
#: worker processes that build chunks (at most; the files are the same with any number)
MAX_WORKERS = 2
ID_SPACE = 10**10

TABLES = (PERSONS, ADDRESSES, RESIDENCES, RELATIONS, LEDGER_POSTINGS, SERVICE_DELIVERIES, HOSPITAL_CONTACTS,
          HEALTH_INSURANCE_SERVICES)
#: running ids given in the main process: table, column, prefix, digits
RUNNING_IDS = (("ledger_postings", "posting_id", "POST", 10), ("service_deliveries", "delivery_id", "DLV", 10),
               ("hospital_contacts", "contact_id", "LPR", 10), ("health_insurance_services", "service_id", "SYS", 10))
ADDRESS_DIGITS = 8

CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "seeds" / "function_catalogue.csv"


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, dict]:
    """Municipal functions of the catalogue (function_number -> row)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {r["function_number"]: r for r in rows if r["sector"] == "municipal"}


class PersonIds:
    """10-digit pseudonymous ids: an invertible affine map of the person index modulo 10**10."""

    def __init__(self, seed: int) -> None:
        r = np.random.default_rng(np.random.SeedSequence([seed, 77]))
        a = int(r.integers(10**9, 10**10))
        while a % 2 == 0 or a % 5 == 0:
            a += 1
        self.a, self.b = a, int(r.integers(0, 10**10))
        self.a_inv = pow(a, -1, ID_SPACE)

    def strings(self, index: np.ndarray) -> pa.Array:
        k = np.asarray(index, dtype=np.int64)
        # (a*k + b) mod 1e10 without int64 overflow: split a into high and low parts
        a_hi, a_lo = divmod(self.a, 100_000)
        v = ((a_hi * k % 100_000) * 100_000 + a_lo * k + self.b) % ID_SPACE
        return digits_ids("", v, 10)

    def index(self, pid: str) -> int:
        return (int(pid) - self.b) * self.a_inv % ID_SPACE


def person_id_strings(n: int, seed: int) -> pa.Array:
    """Ids of the person indices 0..n-1."""
    return PersonIds(seed).strings(np.arange(n, dtype=np.int64))


class _TakenIds:
    """Person ids a fault may not use as 'unknown': every id of the chunks' reserved index ranges
    (whether used or not, so later chunks are covered too) and the ids drawn so far."""

    def __init__(self, ids: PersonIds, n_chunks: int) -> None:
        self.ids = ids
        self.bound = n_chunks * PERSON_INDEX_STRIDE
        self.drawn: set[str] = set()

    def __contains__(self, pid: str) -> bool:
        return pid in self.drawn or (len(pid) == 10 and pid.isdigit() and self.ids.index(pid) < self.bound)

    def add(self, pid: str) -> None:
        self.drawn.add(pid)


def chunk_sizes(persons: int, chunk: int | None = None) -> list[int]:
    """Persons of each chunk: ``ceil(persons / chunk)`` chunks of (nearly) equal size."""
    chunk = CHUNK_PERSONS if chunk is None else chunk
    k = max(1, -(-int(persons) // int(chunk)))
    base, rem = divmod(int(persons), k)
    return [base + (1 if i < rem else 0) for i in range(k)]


def _chunk_streams(seed: int, c: int) -> tuple[np.random.SeedSequence, ...]:
    """(population, municipal, regional, faults) streams of chunk c."""
    if c == 0:  # the top-level streams: a run of one chunk is the same as before chunking
        ss = np.random.SeedSequence(seed)
        s_pop, s_mun, s_reg, _s_ids = ss.spawn(4)
        return s_pop, s_mun, s_reg, ss.spawn(1)[0]
    s_pop, s_mun, s_reg, s_faults = np.random.SeedSequence(seed, spawn_key=(3, c)).spawn(4)
    return s_pop, s_mun, s_reg, s_faults


def _build_chunk(seed: int, c: int, persons: int, first_year: int, last_year: int) -> dict:
    """All tables of chunk c, except the running ids (given when the chunk is written).

    Returns ``{"tables": {table: {column: array}}, "n_addr": addresses, "res_addr": the
    residences' local address numbers}``. Runs in a worker process.
    """
    years = last_year - first_year + 1
    s_pop, s_mun, s_reg, _ = _chunk_streams(seed, c)
    key0 = c * PERSON_INDEX_STRIDE
    pop = simulate(np.random.default_rng(s_pop), persons, first_year, last_year, key0=key0)
    if pop.n >= PERSON_INDEX_STRIDE:
        raise ValueError(f"chunk {c}: {pop.n} persons exceed the reserved index range")
    cond = draw_conditions(pop)
    led = Ledger(load_catalogue(), district=c)
    hl = Health()
    for y, (sm, sr) in zip(range(first_year, last_year + 1), zip(s_mun.spawn(years), s_reg.spawn(years))):
        rm = np.random.default_rng(sm)
        start = len(led.post)
        year_costs(pop, led, rm, y, cond)
        finish_direct(led, rm, y, start)
        finish_year(led, rm, y)
        deselected(led, rm, y, start)
        year_health(pop, hl, np.random.default_rng(sr), y, cond)

    pid = PersonIds(seed).strings(np.arange(key0, key0 + pop.n, dtype=np.int64))
    tables: dict[str, dict[str, pa.Array]] = {}

    def pids(idx: np.ndarray) -> pa.Array:
        idx = np.asarray(idx, dtype=np.int64)
        mask = idx < 0
        return pid.take(pa.array(np.where(mask, 0, idx), mask=mask if mask.any() else None))

    # persons
    tables["persons"] = {
        "person_id": pid,
        "birth_date": date_array(pop.birth),
        "sex": take_strings(["F", "M"], pop.sex),
        "death_date": date_array(pop.death, pop.death >= INF),
    }

    # addresses (ids given when written)
    n_addr = pop.addr_muni.shape[0]
    tables["addresses"] = {
        "address_id": None,
        "municipality_code": take_strings(MUNICIPALITIES, pop.addr_muni),
        "address_kind": take_strings(ADDRESS_KINDS, pop.addr_kind),
    }

    # residences, ordered by person and date
    o = np.lexsort((pop.res_from, pop.res_person))
    res_addr = np.asarray(pop.res_addr[o], dtype=np.int64)
    tables["residences"] = {
        "person_id": pids(pop.res_person[o]),
        "address_id": None,
        "valid_from": date_array(pop.res_from[o]),
        "valid_to": date_array(pop.res_to[o], pop.res_to[o] >= INF),
    }

    # relations (partners both ways are already in the list)
    o = np.lexsort((pop.rel_type, pop.rel_person))
    tables["relations"] = {
        "person_id": pids(pop.rel_person[o]),
        "related_person_id": pids(pop.rel_related[o]),
        "relation_type": take_strings(["mother", "father", "partner"], pop.rel_type[o]),
    }

    # ledger postings, in date order
    cols = [np.concatenate([ch[i] for ch in led.post]) for i in range(7)]
    led.post = []
    o = np.argsort(cols[0], kind="stable")
    date, fn, cc, amt, person, src, grp = (col[o] for col in cols)
    del cols
    statutory, expensive = refunds(led.functions, fn, amt, person, date)
    tables["ledger_postings"] = {
        "posting_id": None,
        "booking_date": date_array(date),
        "function_number": take_strings(led.functions, fn),
        "cost_centre": take_strings(led.cc_names, cc),
        "amount": pa.array(amt, type=pa.float64()),
        "person_id": pids(person),
        "source_system": take_strings(SOURCES, src),
        "grouping": take_strings(GROUPINGS, grp),
        "statutory_refund_amount": pa.array(statutory, type=pa.float64()),
        "expensive_case_refund_amount": pa.array(expensive, type=pa.float64()),
    }
    del date, fn, cc, amt, person, src, grp, statutory, expensive

    # service deliveries
    d = [np.concatenate([ch[i] for ch in led.dlv]) for i in range(8)]
    led.dlv = []
    dp, dfn, dcc, dsv, dst, den, dun, duc = d
    umask = np.isnan(dun)
    tables["service_deliveries"] = {
        "delivery_id": None,
        "person_id": pids(dp),
        "function_number": take_strings(led.functions, dfn),
        "cost_centre": take_strings(led.cc_names, dcc),
        "service_name": take_strings(led.service_names, dsv),
        "period_start": date_array(dst),
        "period_end": date_array(den),
        "activity_units": pa.array(np.where(umask, 0.0, dun), type=pa.float64(), mask=umask),
        "activity_unit": take_strings(UNITS, np.maximum(duc, 0), (duc < 0) | umask),
        "grouping": take_strings(GROUPINGS, np.zeros(dfn.shape[0], dtype=np.int64)),
        **{
            column: take_strings(vocabulary or [""], np.maximum(codes, 0), codes < 0)
            for column, (vocabulary, codes) in delivery_fields(led.functions, dfn, dcc).items()
        },
    }
    tables["service_deliveries"] = {col.name: tables["service_deliveries"][col.name] for col in SERVICE_DELIVERIES.columns}
    del d, dp, dfn, dcc, dsv, dst, den, dun, duc

    # hospital contacts, in date order
    c_ = [np.concatenate([ch[i] for ch in hl.contacts]) for i in range(9)]
    hl.contacts = []
    o = np.argsort(c_[4], kind="stable")
    cp, csec, cty, cac, cst, cen, ctar, cd1, cd2 = (x[o] for x in c_)
    del c_
    tables["hospital_contacts"] = {
        "contact_id": None,
        "person_id": pids(cp),
        "hospital_sector": take_strings(SECTORS, csec),
        "contact_type": take_strings(CTYPES, cty),
        "is_acute": pa.array(cac.astype(bool), type=pa.bool_()),
        "start_date": date_array(cst),
        "end_date": date_array(cen),
        "tariff_amount": pa.array(ctar.astype(np.float64), type=pa.float64()),
        "primary_diagnosis": take_strings(CODES, cd1),
        "secondary_diagnosis": take_strings(CODES, np.maximum(cd2, 0), cd2 < 0),
    }
    del cp, csec, cty, cac, cst, cen, ctar, cd1, cd2

    sv = [np.concatenate([ch[i] for ch in hl.services]) for i in range(4)]
    hl.services = []
    o = np.argsort(sv[2], kind="stable")
    sp, spr, sdt, sfee = (x[o] for x in sv)
    del sv
    tables["health_insurance_services"] = {
        "service_id": None,
        "person_id": pids(sp),
        "provider_type": take_strings(PROVIDERS, spr),
        "service_date": date_array(sdt),
        "fee_amount": pa.array(sfee.astype(np.float64), type=pa.float64()),
    }
    return {"tables": tables, "n_addr": n_addr, "res_addr": res_addr}


def _spare_address_number(c: int, n_chunks: int, given: int) -> int:
    """Number of an address a fault adds to chunk c (a home elsewhere for added non-residents): after
    the chunk's own with one chunk (as before chunking), else from the top of the id range, so that
    the clean rows of later chunks keep their address ids."""
    return given + 1 if n_chunks == 1 else 10**ADDRESS_DIGITS - 1 - c


def _workers(workers: int | None, n_chunks: int) -> int:
    if workers is None:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not Linux
            cpus = os.cpu_count() or 1
        workers = min(MAX_WORKERS, cpus)
    return max(1, min(int(workers), n_chunks))


def generate(out_dir: Path, persons: int = 22600, seed: int = 20240101, years: int = 1, last_year: int = 2025,
             faults: float = 0.0, *, workers: int | None = None) -> dict[str, int]:
    """Write the raw Parquet files and ``dataset.json``; return the row count of each table.

    With ``faults`` > 0 about that share of the rows of the ledger, deliveries, hospital
    contacts, health-insurance services and residences is corrupted (see ``faults.py``)
    and ``faults_manifest.json`` lists every corrupted row; the ledger's amount and
    booking date are then written as text.

    The population is built in chunks of at most ``CHUNK_PERSONS`` persons (see the module
    docstring); ``workers`` (default: up to ``MAX_WORKERS``, never more than the CPUs) is the
    number of processes that build chunks and does not change the files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if years < 1:
        raise ValueError("years must be at least 1")
    faults = float(faults)
    if not 0.0 <= faults < 1.0:
        raise ValueError("faults must be a share of rows in [0, 1)")
    first_year = last_year - years + 1
    sizes = chunk_sizes(persons)
    if len(sizes) * PERSON_INDEX_STRIDE > ID_SPACE:
        raise ValueError(f"{persons} persons need more than {ID_SPACE // PERSON_INDEX_STRIDE} chunks")
    jobs = [(seed, c, n, first_year, last_year) for c, n in enumerate(sizes)]

    types = TYPE_OVERRIDES if faults > 0 else {}
    rows: dict[str, list] = {cls: [] for cls in CLASSES}
    if faults > 0:
        with open(CATALOGUE_PATH, newline="", encoding="utf-8") as fh:
            all_functions = {r["function_number"] for r in csv.DictReader(fh)}
        taken = _TakenIds(PersonIds(seed), len(sizes))

    writers: dict[str, TableWriter] = {}
    # ids given so far (not rows written: the duplicates of faults reuse ids, and the clean
    # rows must keep the ids they have without faults)
    given = {name: 0 for name, *_ in RUNNING_IDS}
    given["addresses"] = 0
    try:
        for table in TABLES:
            writers[table.name] = TableWriter(table, out_dir, types.get(table.name))
        for c, chunk in enumerate(ordered_map(_build_chunk, jobs, _workers(workers, len(sizes)))):
            t = chunk["tables"]
            a0 = given["addresses"]
            given["addresses"] += chunk["n_addr"]
            if given["addresses"] + len(sizes) >= 10**ADDRESS_DIGITS:
                raise ValueError(f"addresses: too many rows for {ADDRESS_DIGITS}-digit ids")
            t["addresses"]["address_id"] = seq_ids("ADR", chunk["n_addr"], ADDRESS_DIGITS, start=a0 + 1)
            t["residences"]["address_id"] = digits_ids("ADR", chunk["res_addr"] + (a0 + 1), ADDRESS_DIGITS)
            for name, col, prefix, digits in RUNNING_IDS:
                n = len(t[name]["person_id"])
                if given[name] + n >= 10**digits:
                    raise ValueError(f"{name}: too many rows for {digits}-digit ids")
                t[name][col] = seq_ids(prefix, n, digits, start=given[name] + 1)
                given[name] += n
            if faults > 0:
                got = inject_chunk_faults(
                    t, faults, np.random.default_rng(_chunk_streams(seed, c)[3]), first_year, last_year,
                    all_functions, taken=taken, row_offsets={k: w.rows for k, w in writers.items()},
                    next_address_number=_spare_address_number(c, len(sizes), given["addresses"]), district=c)
                for cls, r in got.items():
                    rows[cls].extend(r)
            for table in TABLES:
                writers[table.name].write(t[table.name])
            del chunk, t
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    counts: dict[str, int] = {}
    for name, w in writers.items():
        w.close()
        counts[name] = w.rows

    # the synthetic mark names the files it describes by their hashes: the
    # loader accepts it only beside exactly these files
    files = {table.file_name: file_sha256(out_dir / table.file_name) for table in TABLES}
    dataset = {"synthetic": True, "generator": "welfare_segments", "persons": persons, "seed": seed,
               "years": years, "last_year": last_year, "faults": faults, "files": files}
    _write_json(out_dir / "dataset.json", dataset)
    manifest_path = out_dir / "faults_manifest.json"
    if faults > 0:
        _write_json(manifest_path, build_manifest(faults, seed, rows))
    elif manifest_path.exists():
        manifest_path.unlink()  # a stale manifest of an earlier run with faults
    return counts


def _write_json(path: Path, obj: dict) -> None:
    path.write_text(json.dumps(obj, sort_keys=True, indent=2) + "\n", encoding="utf-8")
