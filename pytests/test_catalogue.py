"""The function catalogue maps services to areas as the source reports do,
and flags the services the potential and the very expensive cases read."""

from __future__ import annotations

import csv

import pytest

from .conftest import REPO


def _catalogue() -> dict[str, dict]:
    with (REPO / "seeds" / "function_catalogue.csv").open(encoding="utf-8") as catalogue:
        return {row["function_number"]: row for row in csv.DictReader(catalogue)}


def test_areas_follow_the_reports():
    catalogue = _catalogue()
    # Stevns: special youth education (STU) is health and care; 5.57.72's
    # §41 and §42 (groupings 001, 002) children and learning, its §100
    # (003) health and care
    assert catalogue["3.30.46"]["area_stevns"] == "sundhed_omsorg"
    assert catalogue["3.30.46"]["area_skanderborg"] == "handicap"
    assert {g: catalogue[f"5.57.72.{g}"]["area_stevns"] for g in ("001", "002", "003")} == {
        "001": "boern_laering", "002": "boern_laering", "003": "sundhed_omsorg"}
    for function, row in catalogue.items():
        expected = row["account_function"] + ("." + row["account_grouping"] if row["account_grouping"] else "")
        assert function == expected, function
        assert row["account_function"] in catalogue, function  # a grouping falls back on its function
    # Skanderborg: addiction treatment, shelters and homeless services
    # (women's shelters included) and temporary residential care are
    # Beskæftigelse og sundhed
    for function in ("5.38.42", "5.38.44", "5.38.45", "5.38.52"):
        assert catalogue[function]["area_skanderborg"] == "beskaeftigelse_sundhed", function
    # nothing relevant is left in Skanderborg's Øvrige, which the number of areas does not count
    assert not [f for f, row in catalogue.items() if row["area_skanderborg"] == "oevrige" and row["is_relevant"] == "true"]
    with (REPO / "seeds" / "area_vocabulary.csv").open(encoding="utf-8") as vocabulary:
        counted = {(r["vocabulary"], r["area_code"]): r["is_counted_area"] for r in csv.DictReader(vocabulary)}
    assert counted[("skanderborg", "oevrige")] == "false"
    assert [a for (v, a), c in counted.items() if v == "skanderborg" and c == "true"] == [
        "beskaeftigelse_sundhed", "boern_unge", "handicap", "aeldre"]


def test_integrable_and_specialised_services_are_flagged():
    catalogue = _catalogue()
    integrable = {f for f, row in catalogue.items() if row["is_integrable"] == "true"}
    # mentor, family treatment, socio-pedagogical support (§85)
    assert integrable == {"5.68.90", "5.28.21", "5.38.38"}
    specialised = {f for f, row in catalogue.items() if row["is_specialised_social"] == "true"}
    # §85, §107 and §108 among them; no child placement, no transfer income
    assert {"5.38.38", "5.38.50", "5.38.52"} <= specialised
    assert all(f.startswith("5.38.") for f in specialised)
    assert all(row["sector"] == "municipal" and row["is_relevant"] == "true"
               for f, row in catalogue.items() if f in integrable | specialised)


def test_postings_take_their_groupings_row(build, warehouse):
    """The build books each posting of a function the catalogue splits by
    grouping under the grouping's row, and every krone of the function once:
    the allocated costs of 5.57.72's rows by grouping equal the raw ledger's
    direct postings of 5.57.72 by grouping in the analysis years."""
    import pandas as pd

    ledger = pd.read_parquet(build.raw_dir / "ledger_postings.parquet")
    ledger = ledger[(ledger["function_number"] == "5.57.72") & ledger["person_id"].notna()]
    years = [row[0] for row in warehouse.execute("select analysis_year from intermediate.int_analysis_years").fetchall()]
    ledger = ledger[pd.to_datetime(ledger["booking_date"]).dt.year.isin(years)]
    groupings = {row["account_grouping"] for row in _catalogue().values()
                 if row["account_function"] == "5.57.72" and row["account_grouping"]}
    rows = ledger["grouping"].map(lambda g: f"5.57.72.{g}" if g in groupings else "5.57.72")
    expected = {key: float(amount) for key, amount in ledger.groupby(rows)["amount"].sum().items()}
    assert len(expected) >= 3, expected
    booked = dict(warehouse.execute(
        "select function_number, cast(sum(amount) as double) from intermediate.int_costs_allocated_to_persons "
        "where function_number like '5.57.72%' group by 1"
    ).fetchall())
    assert booked == pytest.approx(expected, abs=0.01)
    areas = dict(warehouse.execute(
        "select distinct function_number, area_stevns from intermediate.int_costs_allocated_to_persons "
        "where function_number like '5.57.72.%'"
    ).fetchall())
    assert areas == {"5.57.72.001": "boern_laering", "5.57.72.002": "boern_laering", "5.57.72.003": "sundhed_omsorg"}
