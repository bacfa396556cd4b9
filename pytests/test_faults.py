"""Fault injection of the generator: `generate(..., faults=RATE)` and `welfare-segments generate --faults`.

Every row the manifest lists must show its fault when read back from the Parquet
file, and every row it does not list must be exactly the clean row (so the dbt
quarantine can be checked against the manifest row by row). Every test runs on one
chunk and on three chunks (a forced small chunk size): row numbers are positions in
the final files, and the rules hold across chunks.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import welfare_segments.generator as gen
from welfare_segments.cli import main
from welfare_segments.contract import RAW_TABLES, file_sha256
from welfare_segments.generator import CATALOGUE_PATH

PERSONS = 3000
SEED = 20240101
YEARS = 2
LAST_YEAR = 2025
FIRST_YEAR = LAST_YEAR - YEARS + 1
RATE = 0.02
ICD10 = re.compile(r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
TEN_DIGITS = re.compile(r"^[0-9]{10}$")
FUNCTION = re.compile(r"^[0-9]\.[0-9]{2}\.[0-9]{2}$")
FAULTED_TABLES = ("ledger_postings", "service_deliveries", "hospital_contacts", "health_insurance_services", "residences")
PERSON_TABLES = ("ledger_postings", "service_deliveries", "hospital_contacts", "health_insurance_services")
KEYS = {"ledger_postings": "posting_id", "service_deliveries": "delivery_id", "hospital_contacts": "contact_id",
        "health_insurance_services": "service_id"}


def _digest(path: Path) -> dict[str, str]:
    return {t.name: hashlib.sha256((path / t.file_name).read_bytes()).hexdigest() for t in RAW_TABLES}


def _rows(path: Path, name: str) -> list[dict]:
    return pq.read_table(path / f"{name}.parquet").to_pylist()


def _catalogue() -> set[str]:
    with open(CATALOGUE_PATH, newline="", encoding="utf-8") as fh:
        return {r["function_number"] for r in csv.DictReader(fh)}


def _is_float(text) -> bool:
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


def _iso_date(text) -> dt.date | None:
    if not isinstance(text, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@pytest.fixture(scope="module", params=[None, 1100], ids=["one_chunk", "three_chunks"])
def chunk(request) -> int | None:
    """Chunk size of the runs (None: the module's, so PERSONS fit in one chunk)."""
    return request.param


def generate(out: Path, chunk: int | None = None, **kwargs) -> dict[str, int]:
    mp = pytest.MonkeyPatch()
    if chunk is not None:
        mp.setattr(gen, "CHUNK_PERSONS", chunk)
    try:
        assert len(gen.chunk_sizes(kwargs["persons"])) == (1 if chunk is None else 3)
        return gen.generate(out, **kwargs)
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def clean(tmp_path_factory, chunk) -> Path:
    out = tmp_path_factory.mktemp("clean")
    generate(out, chunk, persons=PERSONS, seed=SEED, years=YEARS, last_year=LAST_YEAR)
    return out


@pytest.fixture(scope="module")
def faulty(tmp_path_factory, chunk) -> Path:
    out = tmp_path_factory.mktemp("faulty")
    generate(out, chunk, persons=PERSONS, seed=SEED, years=YEARS, last_year=LAST_YEAR, faults=RATE)
    return out


@pytest.fixture(scope="module")
def manifest(faulty) -> dict:
    return json.loads((faulty / "faults_manifest.json").read_text())


@pytest.fixture(scope="module")
def data(faulty) -> dict[str, list[dict]]:
    return {t.name: _rows(faulty, t.name) for t in RAW_TABLES}


def _listed(manifest: dict) -> dict[tuple[str, int], str]:
    return {(r["table"], r["row_number"]): cls for cls, c in manifest["classes"].items() for r in c["rows"]}


def _residents(data: dict, skip_rows: set[int] = frozenset()) -> set[str]:
    """Persons with a residence at an address of 336 overlapping the analysis years."""
    muni = {a["address_id"]: a["municipality_code"] for a in data["addresses"]}
    start, end = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR + 1, 1, 1)
    return {r["person_id"] for i, r in enumerate(data["residences"], 1)
            if i not in skip_rows and muni.get(r["address_id"]) == "336"
            and r["valid_from"] < end and (r["valid_to"] is None or r["valid_to"] > start)}


def test_no_faults_writes_the_same_files_and_no_manifest(clean, chunk, tmp_path):
    generate(tmp_path, chunk, persons=PERSONS, seed=SEED, years=YEARS, last_year=LAST_YEAR, faults=0)
    assert _digest(tmp_path) == _digest(clean)
    assert not (tmp_path / "faults_manifest.json").exists()
    assert not (clean / "faults_manifest.json").exists()
    text = (tmp_path / "dataset.json").read_text()
    assert text == (clean / "dataset.json").read_text()
    info = json.loads(text)
    # the synthetic mark names each file it was written with by its SHA-256
    assert info.pop("files") == {table.file_name: file_sha256(tmp_path / table.file_name) for table in RAW_TABLES}
    assert info == {"synthetic": True, "generator": "welfare_segments", "persons": PERSONS, "seed": SEED,
                    "years": YEARS, "last_year": LAST_YEAR, "faults": 0.0}
    assert list(json.loads(text)) == sorted(json.loads(text))


def test_clean_data_meets_the_rules_the_quarantine_checks(clean):
    """The faults are only recognisable if the clean data never looks like one."""
    hc = _rows(clean, "hospital_contacts")
    assert all(ICD10.match(r["primary_diagnosis"]) for r in hc)
    assert all(ICD10.match(r["secondary_diagnosis"]) for r in hc if r["secondary_diagnosis"] is not None)
    assert all(r["end_date"] >= r["start_date"] for r in hc)
    dl = _rows(clean, "service_deliveries")
    assert all(r["activity_units"] > 0 for r in dl if r["activity_units"] is not None)
    assert all(r["period_end"] >= r["period_start"] for r in dl)
    led = _rows(clean, "ledger_postings")
    assert all(FIRST_YEAR <= r["booking_date"].year <= LAST_YEAR for r in led)
    assert all(float(f"{r['amount']:.2f}") == r["amount"] for r in led)  # øre precision
    for name in PERSON_TABLES:
        assert all(TEN_DIGITS.match(r["person_id"]) for r in _rows(clean, name) if r["person_id"] is not None)


def test_manifest_covers_ten_classes_at_about_the_rate(manifest, data, faulty):
    assert manifest["rate"] == RATE and manifest["seed"] == SEED
    classes = manifest["classes"]
    assert sum(1 for c in classes.values() if c["count"] >= 1) >= 10
    for name, c in classes.items():
        assert c["count"] == len(c["rows"]), name
        assert c["rows"] == sorted(c["rows"], key=lambda r: (r["table"], r["row_number"])), name
    everything = [(r["table"], r["row_number"]) for c in classes.values() for r in c["rows"]]
    assert len(everything) == len(set(everything)), "a row is listed twice"
    dup = classes["duplicate_key"]["count"]
    rows = sum(len(data[t]) for t in FAULTED_TABLES) - dup
    total = sum(c["count"] for c in classes.values())
    assert 0.5 * RATE * rows <= total <= 1.5 * RATE * rows, (total, rows)
    assert json.loads((faulty / "dataset.json").read_text())["faults"] == RATE


def test_every_listed_row_shows_its_fault(manifest, data):
    persons = {p["person_id"] for p in data["persons"]}
    addresses = {a["address_id"] for a in data["addresses"]}
    catalogue = _catalogue()
    listed = _listed(manifest)
    residences_hit = {n for (t, n) in listed if t == "residences"}
    residents = _residents(data, residences_hit)
    with_rows = {r["person_id"] for t in PERSON_TABLES for r in data[t] if r["person_id"] is not None}
    deliveries_of = {r["person_id"] for r in data["service_deliveries"]}
    seen = 0
    for cls, c in manifest["classes"].items():
        for ref in c["rows"]:
            table, n = ref["table"], ref["row_number"]
            row = data[table][n - 1]
            key = (f"{row['person_id']}|{row['valid_from'].isoformat()}" if table == "residences"
                   else row[KEYS[table]])
            assert key == ref["key"], (cls, ref)
            if cls == "unknown_person_id":
                assert TEN_DIGITS.match(row["person_id"]) and row["person_id"] not in persons, ref
            elif cls == "malformed_person_id":
                assert row["person_id"] and not TEN_DIGITS.match(row["person_id"]), ref
            elif cls == "unknown_function_number":
                assert FUNCTION.match(row["function_number"]) and row["function_number"] not in catalogue, ref
            elif cls == "duplicate_key":
                assert table == "ledger_postings"
                earlier = [i for i, r in enumerate(data[table][: n - 1], 1) if r["posting_id"] == row["posting_id"]]
                assert len(earlier) == 1 and data[table][earlier[0] - 1] == row, ref
                assert (table, earlier[0]) not in listed, "the original of a duplicate must stay clean"
            elif cls == "invalid_amount":
                assert not _is_float(row["amount"]), ref
            elif cls == "invalid_booking_date":
                assert _iso_date(row["booking_date"]) is None, ref
            elif cls == "booking_date_outside_analysis_years":
                d = _iso_date(row["booking_date"])
                assert d is not None and d.year in (FIRST_YEAR - 1, LAST_YEAR + 1), ref
            elif cls == "non_positive_activity_units":
                assert row["activity_units"] is not None and row["activity_units"] <= 0, ref
            elif cls == "period_end_before_start":
                if table == "service_deliveries":
                    assert row["period_end"] < row["period_start"], ref
                else:
                    assert row["end_date"] < row["start_date"], ref
            elif cls == "person_not_resident":
                p = row["person_id"]
                assert p in persons and p not in residents and p not in deliveries_of, ref
            elif cls == "unknown_address_id":
                assert row["address_id"] not in addresses, ref
                assert row["person_id"] not in with_rows, "losing this residence must not touch other rows"
            elif cls == "invalid_diagnosis_code":
                assert not ICD10.match(row["primary_diagnosis"]), ref
            else:
                pytest.fail(f"unknown class {cls}")
            seen += 1
    assert seen == sum(c["count"] for c in manifest["classes"].values())


def test_rows_not_listed_are_the_clean_rows(manifest, data, clean, chunk):
    """No collateral damage: every row the manifest does not name is exactly as without faults."""
    listed = _listed(manifest)
    for table in (t.name for t in RAW_TABLES):
        before = _rows(clean, table)
        after = data[table]
        numbered = list(enumerate(after, 1))
        if table == "ledger_postings":
            dup = manifest["classes"]["duplicate_key"]["count"]
            assert len(after) == len(before) + dup
            dups = [n for n, _ in numbered if listed.get((table, n)) == "duplicate_key"]
            assert len(dups) == dup
            if chunk is None:  # one chunk: the copies follow all original rows
                assert dups == list(range(len(before) + 1, len(after) + 1))
            numbered = [(n, r) for n, r in numbered if listed.get((table, n)) != "duplicate_key"]
        elif table == "persons":
            if chunk is None:
                assert after[: len(before)] == before  # added non-residents (if any) are clean, never listed
            else:
                assert {r["person_id"]: r for r in before}.items() <= {r["person_id"]: r for r in after}.items()
            continue
        else:
            assert len(after) == len(before), table
        assert len(numbered) == len(before), table
        for (n, a), b in zip(numbered, before):
            if (table, n) in listed:
                continue
            if table == "ledger_postings":
                assert a["amount"] == f"{b['amount']:.2f}" and float(a["amount"]) == b["amount"], n
                assert a["booking_date"] == b["booking_date"].isoformat(), n
                a = {k: v for k, v in a.items() if k not in ("amount", "booking_date")}
                b = {k: v for k, v in b.items() if k not in ("amount", "booking_date")}
            assert a == b, (table, n)


def test_clean_rows_stay_valid_next_to_the_faults(manifest, data):
    """The quarantine rules applied to the unlisted rows find nothing."""
    persons = {p["person_id"] for p in data["persons"]}
    addresses = {a["address_id"] for a in data["addresses"]}
    catalogue = _catalogue()
    listed = _listed(manifest)
    residences_hit = {n for (t, n) in listed if t == "residences"}
    residents = _residents(data, residences_hit)
    placement = {r["person_id"] for i, r in enumerate(data["service_deliveries"], 1)
                 if r["function_number"].startswith("5.28.") and ("service_deliveries", i) not in listed}
    keys = set()
    for table in PERSON_TABLES:
        for n, r in enumerate(data[table], 1):
            if (table, n) in listed:
                continue
            if r["person_id"] is not None:
                assert TEN_DIGITS.match(r["person_id"]) and r["person_id"] in persons, (table, n)
            if table == "ledger_postings":
                assert r["posting_id"] not in keys
                keys.add(r["posting_id"])
                assert _is_float(r["amount"]) and r["function_number"] in catalogue
                d = _iso_date(r["booking_date"])
                assert d is not None and FIRST_YEAR <= d.year <= LAST_YEAR
            if table == "service_deliveries":
                assert r["function_number"] in catalogue and r["period_end"] >= r["period_start"]
                assert r["activity_units"] is None or r["activity_units"] > 0
            if table == "hospital_contacts":
                assert ICD10.match(r["primary_diagnosis"]) and r["end_date"] >= r["start_date"]
            if table in ("hospital_contacts", "health_insurance_services"):
                assert r["person_id"] in residents or r["person_id"] in placement, (table, n)
    for n, r in enumerate(data["residences"], 1):
        if n not in residences_hit:
            assert r["address_id"] in addresses


def test_same_seed_gives_the_same_manifest_and_files(faulty, chunk, tmp_path):
    generate(tmp_path, chunk, persons=PERSONS, seed=SEED, years=YEARS, last_year=LAST_YEAR, faults=RATE)
    assert (tmp_path / "faults_manifest.json").read_bytes() == (faulty / "faults_manifest.json").read_bytes()
    assert _digest(tmp_path) == _digest(faulty)


def test_ledger_is_text_only_with_faults(faulty, clean):
    led = pq.read_schema(faulty / "ledger_postings.parquet")
    assert str(led.field("amount").type) == "string" and str(led.field("booking_date").type) == "string"
    for table in RAW_TABLES:
        a, b = pq.read_schema(faulty / table.file_name), pq.read_schema(clean / table.file_name)
        for col in table.columns:
            if not (table.name == "ledger_postings" and col.name in ("amount", "booking_date")):
                assert a.field(col.name).type == b.field(col.name).type, (table.name, col.name)


def test_cli_generate_with_faults_prints_class_counts(tmp_path, capsys):
    out = tmp_path / "raw"
    assert main(["generate", "--persons", "1500", "--seed", "5", "--faults", "0.02", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    manifest = json.loads((out / "faults_manifest.json").read_text())
    for name, c in manifest["classes"].items():
        assert re.search(rf"^\s+{name}\s+{c['count']:,} rows$", printed, re.MULTILINE), name
    assert sum(1 for c in manifest["classes"].values() if c["count"] >= 1) >= 10
