"""The function catalogue maps services to areas as the source reports do,
and flags the services the potential and the very expensive cases read."""

from __future__ import annotations

import csv

from .conftest import REPO


def _catalogue() -> dict[str, dict]:
    with (REPO / "seeds" / "function_catalogue.csv").open(encoding="utf-8") as catalogue:
        return {row["function_number"]: row for row in csv.DictReader(catalogue)}


def test_areas_follow_the_reports():
    catalogue = _catalogue()
    # Stevns: special youth education (STU) is health and care; §41/§42 and
    # §100 share 5.57.72 (the grouping is not a key of the catalogue yet)
    assert catalogue["3.30.46"]["area_stevns"] == "sundhed_omsorg"
    assert catalogue["3.30.46"]["area_skanderborg"] == "handicap"
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
