"""Synthetic municipality (Stevns-like) and region as raw Parquet extracts of the contract.

``generate(out_dir, persons, seed, years, last_year)`` writes one Parquet file per table
of ``welfare_segments.contract.RAW_TABLES`` and returns the row counts. All randomness
comes from ``np.random.SeedSequence(seed)``, spawned per part (population, municipal
ledger, regional activity, ids) and per year, so the same arguments give
byte-identical files. Everything is vectorised over persons.

Scaling to millions of persons: households are independent, so the population can be
built in chunks of households with seeds spawned per chunk; person ids come from an
invertible affine map of a global running index (unique across chunks without
coordination) and posting / contact ids from global running counters.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pyarrow as pa

from welfare_segments.contract import (ADDRESSES, HEALTH_INSURANCE_SERVICES, HOSPITAL_CONTACTS, LEDGER_POSTINGS,
                                       PERSONS, RELATIONS, RESIDENCES, SERVICE_DELIVERIES)

from ._util import INF, date_array, digits_ids, seq_ids, take_strings, write_table
from .faults import inject_faults
from .municipal import SOURCES, UNITS, Ledger, deselected, finish_direct, finish_year, year_costs
from .population import ADDRESS_KINDS, MUNICIPALITIES, simulate
from .regional import CODES, CTYPES, PROVIDERS, SECTORS, Health, draw_conditions, year_health

__all__ = ["generate", "load_catalogue"]

CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "seeds" / "function_catalogue.csv"


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, dict]:
    """Municipal functions of the catalogue (function_number -> row)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {r["function_number"]: r for r in rows if r["sector"] == "municipal"}


def person_id_strings(n: int, seed: int) -> pa.Array:
    """10-digit pseudonymous ids: an invertible affine map of 0..n-1 modulo 10**10 (unique, random-looking)."""
    r = np.random.default_rng(np.random.SeedSequence([seed, 77]))
    a = int(r.integers(10**9, 10**10))
    while a % 2 == 0 or a % 5 == 0:
        a += 1
    b = int(r.integers(0, 10**10))
    k = np.arange(n, dtype=np.int64)
    # (a*k + b) mod 1e10 without int64 overflow: split a into high and low parts
    a_hi, a_lo = divmod(a, 100_000)
    v = ((a_hi * k % 100_000) * 100_000 + a_lo * k + b) % 10**10
    return digits_ids("", v, 10)


def generate(out_dir: Path, persons: int = 22600, seed: int = 20240101, years: int = 1, last_year: int = 2025,
             faults: float = 0.0) -> dict[str, int]:
    """Write the raw Parquet files and ``dataset.json``; return the row count of each table.

    With ``faults`` > 0 about that share of the rows of the ledger, deliveries, hospital
    contacts, health-insurance services and residences is corrupted (see ``faults.py``)
    and ``faults_manifest.json`` lists every corrupted row; the ledger's amount and
    booking date are then written as text.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if years < 1:
        raise ValueError("years must be at least 1")
    faults = float(faults)
    if not 0.0 <= faults < 1.0:
        raise ValueError("faults must be a share of rows in [0, 1)")
    first_year = last_year - years + 1
    ss = np.random.SeedSequence(seed)
    s_pop, s_mun, s_reg, _s_ids = ss.spawn(4)

    pop = simulate(np.random.default_rng(s_pop), persons, first_year, last_year)
    cond = draw_conditions(pop)
    catalogue = load_catalogue()
    led = Ledger(catalogue)
    hl = Health()
    for y, (sm, sr) in zip(range(first_year, last_year + 1), zip(s_mun.spawn(years), s_reg.spawn(years))):
        rm = np.random.default_rng(sm)
        start = len(led.post)
        year_costs(pop, led, rm, y, cond)
        finish_direct(led, rm, y, start)
        finish_year(led, rm, y)
        deselected(led, rm, y, start)
        year_health(pop, hl, np.random.default_rng(sr), y, cond)

    pid = person_id_strings(pop.n, seed)
    tables: dict[str, dict[str, pa.Array]] = {}

    def pids(idx: np.ndarray) -> pa.Array:
        idx = np.asarray(idx, dtype=np.int64)
        mask = idx < 0
        return pid.take(pa.array(np.where(mask, 0, idx), mask=mask if mask.any() else None))

    # persons
    tables["persons"] = ({
        "person_id": pid,
        "birth_date": date_array(pop.birth),
        "sex": take_strings(["F", "M"], pop.sex),
        "death_date": date_array(pop.death, pop.death >= INF),
    })

    # addresses
    n_addr = pop.addr_muni.shape[0]
    tables["addresses"] = ({
        "address_id": seq_ids("ADR", n_addr, 8),
        "municipality_code": take_strings(MUNICIPALITIES, pop.addr_muni),
        "address_kind": take_strings(ADDRESS_KINDS, pop.addr_kind),
    })
    addr_ids = seq_ids("ADR", n_addr, 8)

    # residences, ordered by person and date
    o = np.lexsort((pop.res_from, pop.res_person))
    tables["residences"] = ({
        "person_id": pids(pop.res_person[o]),
        "address_id": addr_ids.take(pa.array(pop.res_addr[o])),
        "valid_from": date_array(pop.res_from[o]),
        "valid_to": date_array(pop.res_to[o], pop.res_to[o] >= INF),
    })

    # relations (partners both ways are already in the list)
    o = np.lexsort((pop.rel_type, pop.rel_person))
    tables["relations"] = ({
        "person_id": pids(pop.rel_person[o]),
        "related_person_id": pids(pop.rel_related[o]),
        "relation_type": take_strings(["mother", "father", "partner"], pop.rel_type[o]),
    })

    # ledger postings
    cols = [np.concatenate([ch[i] for ch in led.post]) for i in range(6)]
    date, fn, cc, amt, person, src = cols
    o = np.argsort(date, kind="stable")
    date, fn, cc, amt, person, src = (c[o] for c in cols)
    tables["ledger_postings"] = ({
        "posting_id": seq_ids("POST", date.shape[0], 10),
        "booking_date": date_array(date),
        "function_number": take_strings(led.functions, fn),
        "cost_centre": take_strings(led.cc_names, cc),
        "amount": pa.array(amt, type=pa.float64()),
        "person_id": pids(person),
        "source_system": take_strings(SOURCES, src),
    })

    # service deliveries
    d = [np.concatenate([ch[i] for ch in led.dlv]) for i in range(8)]
    dp, dfn, dcc, dsv, dst, den, dun, duc = d
    umask = np.isnan(dun)
    tables["service_deliveries"] = ({
        "delivery_id": seq_ids("DLV", dp.shape[0], 10),
        "person_id": pids(dp),
        "function_number": take_strings(led.functions, dfn),
        "cost_centre": take_strings(led.cc_names, dcc),
        "service_name": take_strings(led.service_names, dsv),
        "period_start": date_array(dst),
        "period_end": date_array(den),
        "activity_units": pa.array(np.where(umask, 0.0, dun), type=pa.float64(), mask=umask),
        "activity_unit": take_strings(UNITS, np.maximum(duc, 0), (duc < 0) | umask),
    })

    # hospital contacts, in date order
    c = [np.concatenate([ch[i] for ch in hl.contacts]) for i in range(9)]
    o = np.argsort(c[4], kind="stable")
    cp, csec, cty, cac, cst, cen, ctar, cd1, cd2 = (x[o] for x in c)
    tables["hospital_contacts"] = ({
        "contact_id": seq_ids("LPR", cp.shape[0], 10),
        "person_id": pids(cp),
        "hospital_sector": take_strings(SECTORS, csec),
        "contact_type": take_strings(CTYPES, cty),
        "is_acute": pa.array(cac.astype(bool), type=pa.bool_()),
        "start_date": date_array(cst),
        "end_date": date_array(cen),
        "tariff_amount": pa.array(ctar.astype(np.float64), type=pa.float64()),
        "primary_diagnosis": take_strings(CODES, cd1),
        "secondary_diagnosis": take_strings(CODES, np.maximum(cd2, 0), cd2 < 0),
    })

    sv = [np.concatenate([ch[i] for ch in hl.services]) for i in range(4)]
    o = np.argsort(sv[2], kind="stable")
    sp, spr, sdt, sfee = (x[o] for x in sv)
    tables["health_insurance_services"] = ({
        "service_id": seq_ids("SYS", sp.shape[0], 10),
        "person_id": pids(sp),
        "provider_type": take_strings(PROVIDERS, spr),
        "service_date": date_array(sdt),
        "fee_amount": pa.array(sfee.astype(np.float64), type=pa.float64()),
    })

    types: dict[str, dict[str, pa.DataType]] = {}
    manifest = None
    if faults > 0:
        # a stream of its own (the fifth child of the seed), so the clean data is unchanged
        s_faults = ss.spawn(1)[0]
        with open(CATALOGUE_PATH, newline="", encoding="utf-8") as fh:
            all_functions = {r["function_number"] for r in csv.DictReader(fh)}
        manifest, types = inject_faults(tables, faults, np.random.default_rng(s_faults), seed,
                                        first_year, last_year, all_functions)

    counts: dict[str, int] = {}
    for table in (PERSONS, ADDRESSES, RESIDENCES, RELATIONS, LEDGER_POSTINGS, SERVICE_DELIVERIES,
                  HOSPITAL_CONTACTS, HEALTH_INSURANCE_SERVICES):
        counts[table.name] = write_table(table, tables[table.name], out_dir, types.get(table.name))

    dataset = {"synthetic": True, "generator": "welfare_segments", "persons": persons, "seed": seed,
               "years": years, "last_year": last_year, "faults": faults}
    _write_json(out_dir / "dataset.json", dataset)
    manifest_path = out_dir / "faults_manifest.json"
    if manifest is not None:
        _write_json(manifest_path, manifest)
    elif manifest_path.exists():
        manifest_path.unlink()  # a stale manifest of an earlier run with faults
    return counts


def _write_json(path: Path, obj: dict) -> None:
    path.write_text(json.dumps(obj, sort_keys=True, indent=2) + "\n", encoding="utf-8")
