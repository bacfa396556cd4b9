"""Tests of the synthetic-data generator: determinism, the raw contract, the population dynamics."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from welfare_segments.contract import RAW_TABLES
from welfare_segments.generator import generate

ARROW = {"string": pa.string(), "date": pa.date32(), "double": pa.float64(), "int": pa.int64(), "boolean": pa.bool_()}
SMALL = 2000


def _digest(path: Path) -> dict[str, str]:
    return {t.name: hashlib.sha256((path / t.file_name).read_bytes()).hexdigest() for t in RAW_TABLES}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    generate(out, persons=SMALL, seed=7, years=1, last_year=2025)
    return out


@pytest.fixture(scope="module")
def three_years(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("three")
    generate(out, persons=4000, seed=11, years=3, last_year=2025)
    return out


def _t(path: Path, name: str) -> pa.Table:
    return pq.read_table(path / f"{name}.parquet")


def test_same_arguments_give_identical_files(small, tmp_path):
    counts = generate(tmp_path / "again", persons=SMALL, seed=7, years=1, last_year=2025)
    assert set(counts) == {t.name for t in RAW_TABLES}
    assert _digest(small) == _digest(tmp_path / "again")


def test_different_seed_gives_different_data(small, tmp_path):
    generate(tmp_path / "other", persons=SMALL, seed=8, years=1, last_year=2025)
    a, b = _digest(small), _digest(tmp_path / "other")
    assert all(a[name] != b[name] for name in ("persons", "ledger_postings", "hospital_contacts"))


@pytest.mark.parametrize("table", RAW_TABLES, ids=lambda t: t.name)
def test_files_match_contract(small, table):
    t = pq.read_table(small / table.file_name)
    assert t.num_rows > 0
    assert t.column_names == [c.name for c in table.columns]
    assert t.schema.metadata is None or b"pandas" not in t.schema.metadata
    for col in table.columns:
        assert t.schema.field(col.name).type == ARROW[col.type], col.name
        if not col.nullable:
            assert t.column(col.name).null_count == 0, col.name
    keys = t.select(list(table.key)).group_by(list(table.key)).aggregate([])
    assert keys.num_rows == t.num_rows, f"key of {table.name} not unique"


def test_person_ids_are_ten_digits(small):
    ids = _t(small, "persons").column("person_id")
    assert pc.all(pc.match_substring_regex(ids, r"^[0-9]{10}$")).as_py()
    assert pc.count_distinct(ids).as_py() == len(ids)


def test_population_size_and_municipality(small):
    from welfare_segments.recompute import population

    n = len(population(small, 2025))
    assert abs(n - SMALL) <= 0.01 * SMALL
    munis = set(_t(small, "addresses").column("municipality_code").to_pylist())
    assert "336" in munis and len(munis) > 1
    kinds = set(_t(small, "addresses").column("address_kind").to_pylist())
    assert kinds == {"private", "residential_institution", "no_fixed_address"}


def test_references_resolve(three_years):
    persons = set(_t(three_years, "persons").column("person_id").to_pylist())
    addresses = set(_t(three_years, "addresses").column("address_id").to_pylist())
    rel = _t(three_years, "relations")
    assert rel.num_rows > 0
    assert set(rel.column("person_id").to_pylist()) <= persons
    assert set(rel.column("related_person_id").to_pylist()) <= persons
    assert set(rel.column("relation_type").to_pylist()) == {"mother", "father", "partner"}
    res = _t(three_years, "residences")
    assert set(res.column("address_id").to_pylist()) <= addresses
    assert set(res.column("person_id").to_pylist()) <= persons
    for name in ("service_deliveries", "hospital_contacts", "health_insurance_services"):
        assert set(_t(three_years, name).column("person_id").to_pylist()) <= persons, name
    led = _t(three_years, "ledger_postings").column("person_id").drop_null()
    assert set(led.to_pylist()) <= persons


def test_partners_both_directions(three_years):
    rel = _t(three_years, "relations").to_pandas()
    p = rel[rel["relation_type"] == "partner"]
    pairs = set(zip(p["person_id"], p["related_person_id"]))
    assert pairs and all((b, a) in pairs for a, b in pairs)


def test_three_years_dynamics(three_years):
    import pandas as pd

    from welfare_segments.recompute import population

    pops = {y: set(population(three_years, y)) for y in (2023, 2024, 2025)}
    assert all(len(p) > 3500 for p in pops.values())
    assert len(pops[2023] & pops[2025]) > 0.8 * len(pops[2025])  # the same ids recur
    assert pops[2023] - pops[2025] and pops[2025] - pops[2023]  # some leave, some arrive

    per = _t(three_years, "persons").to_pandas()
    per["birth_date"] = pd.to_datetime(per["birth_date"])
    per["death_date"] = pd.to_datetime(per["death_date"])
    # ages advance: a person's age on 1 January 2025 is two years more than on 1 January 2023
    both = per[per["person_id"].isin(pops[2023] & pops[2025])]
    a23 = (pd.Timestamp("2023-01-01") - both["birth_date"]).dt.days / 365.25
    a25 = (pd.Timestamp("2025-01-01") - both["birth_date"]).dt.days / 365.25
    assert ((a25 - a23).round(1) == 2.0).all()
    # births in each year, deaths in each year
    for y in (2023, 2024, 2025):
        assert (per["birth_date"].dt.year == y).sum() > 10, y
        assert (per["death_date"].dt.year == y).sum() > 10, y
    # the dead have their last residence closed on the death date
    res = _t(three_years, "residences").to_pandas()
    res["valid_to"] = pd.to_datetime(res["valid_to"])
    dead = per[per["death_date"].notna()].set_index("person_id")["death_date"]
    last = res.sort_values("valid_from").groupby("person_id").tail(1).set_index("person_id")
    last = last.loc[last.index.isin(dead.index)]
    assert len(last) == len(dead)
    assert (last["valid_to"] == dead.reindex(last.index)).all()
    # movers: some persons have more than one residence
    assert (res.groupby("person_id").size() > 1).sum() > 100


def test_postings_cover_all_months(three_years):
    led = _t(three_years, "ledger_postings").to_pandas()
    d = __import__("pandas").to_datetime(led["booking_date"])
    for y in (2023, 2024, 2025):
        assert set(d[d.dt.year == y].dt.month) == set(range(1, 13)), y
    assert (led["amount"] < 0).any()  # corrections
    assert led["person_id"].isna().any() and led["person_id"].notna().any()


def test_functions_are_the_catalogues(small):
    import csv

    from welfare_segments.generator import CATALOGUE_PATH

    with open(CATALOGUE_PATH, newline="", encoding="utf-8") as fh:
        cat = {r["function_number"]: r for r in csv.DictReader(fh) if r["sector"] == "municipal"}
    fns = set(_t(small, "ledger_postings").column("function_number").to_pylist())
    assert fns <= set(cat)
    assert {"4.62.81", "6.45.51", "0.28.20"} <= fns
    dl = _t(small, "service_deliveries").to_pandas()
    for fn, rows in dl.groupby("function_number"):
        method = cat[fn]["allocation_method"]
        if method == "activity":
            assert rows["activity_units"].notna().all() and (rows["activity_unit"] == cat[fn]["activity_unit"]).all(), fn
        if method == "average":
            assert rows["activity_units"].isna().all() and rows["activity_unit"].isna().all(), fn
    assert (dl["period_end"] >= dl["period_start"]).all()


def test_hospital_contacts_plausible(small):
    hc = _t(small, "hospital_contacts").to_pandas()
    assert set(hc["hospital_sector"]) == {"somatic", "psychiatric"}
    assert set(hc["contact_type"]) == {"admission", "outpatient"}
    assert (hc["end_date"] >= hc["start_date"]).all()
    assert (hc["tariff_amount"] > 0).all()
    assert hc["primary_diagnosis"].str.match(r"^[A-Z][0-9]{2}\.[0-9]$").all()
    assert hc["primary_diagnosis"].str.startswith("E11").any() and hc["primary_diagnosis"].str.startswith("F").any()
    hi = _t(small, "health_insurance_services").to_pandas()
    assert set(hi["provider_type"]) == {"own_gp", "emergency_gp", "psychologist", "specialist"}
    assert (hi["fee_amount"] > 0).all()


@pytest.fixture(scope="module")
def with_placements(tmp_path_factory) -> Path:
    # enough children that some are placed outside the municipality
    out = tmp_path_factory.mktemp("placements")
    generate(out, persons=12000, seed=7, years=1, last_year=2025)
    return out


def test_placed_children_belong_to_the_population(with_placements):
    """A child placed outside the municipality counts when the mother lives privately in it."""
    small = with_placements
    import pandas as pd

    from welfare_segments.recompute import PLACEMENT_FUNCTIONS, _residents, placed_children, population

    ref = pd.Timestamp("2025-01-01")
    placed = placed_children(small, 2025)
    pop = population(small, 2025)
    residents = _residents(small, ref, "336")
    assert len(placed) > 0 and set(placed) <= set(pop)
    assert len(pop) == len(set(residents["person_id"]) | set(placed))
    # some placed children live outside the municipality and are only in through the rule
    assert set(placed) - set(residents["person_id"])
    # each has a placement delivery covering 1 January and a parent at a private address here
    dl = _t(small, "service_deliveries").to_pandas()
    dl = dl[dl["function_number"].isin(PLACEMENT_FUNCTIONS)]
    cover = dl[(pd.to_datetime(dl["period_start"]) <= ref) & (pd.to_datetime(dl["period_end"]) >= ref)]
    assert set(placed) <= set(cover["person_id"])
    rel = _t(small, "relations").to_pandas()
    private = set(residents.loc[residents["address_kind"] == "private", "person_id"])
    par = rel[(rel["relation_type"] == "mother") & rel["related_person_id"].isin(private)]
    assert set(placed) <= set(par["person_id"])


# --- chunks: a national run is built in chunks of households (self-contained districts) -------------

CHUNK = 700  # forced chunk size: SMALL persons in three chunks


@pytest.fixture(scope="module")
def chunked(tmp_path_factory) -> tuple[Path, Path]:
    """The same multi-chunk run twice: with the default workers (processes) and in-process."""
    import welfare_segments.generator as gen

    mp = pytest.MonkeyPatch()
    mp.setattr(gen, "CHUNK_PERSONS", CHUNK)
    try:
        assert len(gen.chunk_sizes(SMALL)) == 3
        first = tmp_path_factory.mktemp("chunked")
        gen.generate(first, persons=SMALL, seed=7, years=1, last_year=2025)
        second = tmp_path_factory.mktemp("chunked_again")
        gen.generate(second, persons=SMALL, seed=7, years=1, last_year=2025, workers=1)
    finally:
        mp.undo()
    return first, second


def test_chunks_repeat_byte_identical(chunked, small):
    first, second = chunked
    assert _digest(first) == _digest(second)
    assert (first / "dataset.json").read_text() == (second / "dataset.json").read_text()
    # the same mark but for the files' hashes: one chunk and three chunks are different data
    described = [json.loads((out / "dataset.json").read_text()) for out in (first, small)]
    assert described[0].pop("files") != described[1].pop("files")
    assert described[0] == described[1]
    # a run of one chunk and a run of three chunks are different data
    assert _digest(first)["persons"] != _digest(small)["persons"]
    # one row group (or more) per chunk
    assert pq.ParquetFile(first / "ledger_postings.parquet").metadata.num_row_groups == 3


def test_chunks_ids_unique_and_references_resolve(chunked):
    out = chunked[0]
    for table in RAW_TABLES:
        t = _t(out, table.name)
        keys = t.select(list(table.key)).group_by(list(table.key)).aggregate([])
        assert keys.num_rows == t.num_rows, f"key of {table.name} not unique across chunks"
    persons = set(_t(out, "persons").column("person_id").to_pylist())
    assert abs(len(persons) - SMALL) < 0.3 * SMALL
    adr = _t(out, "addresses")
    addresses = set(adr.column("address_id").to_pylist())
    assert set(_t(out, "residences").column("address_id").to_pylist()) <= addresses
    assert set(_t(out, "residences").column("person_id").to_pylist()) <= persons
    rel = _t(out, "relations")
    assert set(rel.column("person_id").to_pylist()) <= persons
    assert set(rel.column("related_person_id").to_pylist()) <= persons
    for name in ("ledger_postings", "service_deliveries", "hospital_contacts", "health_insurance_services"):
        assert set(_t(out, name).column("person_id").drop_null().to_pylist()) <= persons, name
    # every chunk has its institutions and its no-fixed-address pseudo address; the home municipality stays 336
    kinds = adr.to_pandas().groupby("address_kind").size()
    assert kinds["no_fixed_address"] == 3 * 7 and kinds["residential_institution"] >= 3 * 8
    assert "336" in set(adr.column("municipality_code").to_pylist())


def test_chunks_pools_have_recipients_in_their_district(chunked):
    import csv

    from welfare_segments.generator import CATALOGUE_PATH

    out = chunked[0]
    with open(CATALOGUE_PATH, newline="", encoding="utf-8") as fh:
        method = {r["function_number"]: r["allocation_method"] for r in csv.DictReader(fh)}
    led = _t(out, "ledger_postings").to_pandas()
    dl = _t(out, "service_deliveries").to_pandas()
    recipients = set(zip(dl["function_number"], dl["cost_centre"]))
    pooled = led[led["person_id"].isna() & led["function_number"].map(method).isin(["activity", "average"])]
    pools = set(zip(pooled["function_number"], pooled["cost_centre"]))
    assert pools
    unallocated = {p for p in pools if p[1].endswith("-99")}  # the designed unallocatable cost centres
    assert unallocated and pools - unallocated <= recipients
    # each chunk is a district with its own cost centres, pooled and deselected postings
    for district in ("-001-", "-002-"):
        assert any(district in cc for _, cc in pools - unallocated), district
        assert any(district in cc for _, cc in recipients), district
        desel = led[led["function_number"].map(method).eq("none")]
        assert desel["cost_centre"].str.contains(district).any(), district
    assert {cc for _, cc in pools if "-" not in cc[cc.index("-") + 1:]}  # district 0 keeps the plain names
