"""Calibration of the synthetic municipality at Stevns size, checked with the independent recompute."""

from __future__ import annotations

import pytest

from welfare_segments import recompute
from welfare_segments.generator import generate

YEAR = 2025

# Stevns 2017, mean cost per citizen by area (the reports' method)
STEVNS_AREA_MEANS = {
    "boern_laering": 16_155,
    "sundhed_omsorg": 5_231,
    "arbejdsmarked": 9_603,
    "sundhedsvaesen": 14_487,
}


@pytest.fixture(scope="module")
def stevns(tmp_path_factory):
    out = tmp_path_factory.mktemp("stevns")
    generate(out, persons=22600, seed=20240101, years=1, last_year=YEAR)
    return out


@pytest.fixture(scope="module")
def totals(stevns):
    return recompute.person_totals(stevns, YEAR)


def test_population_size(totals):
    n = int(totals["is_in_population"].sum())
    assert abs(n - 22600) <= 226


def test_concentration_total(totals):
    c = recompute.concentration(totals, "total")
    assert 0.15 <= c[1] <= 0.25, c
    assert 0.40 <= c[5] <= 0.55, c
    assert c[1] < c[3] < c[5] < c[10]


def test_mean_cost_per_citizen(totals):
    mean = totals.loc[totals["is_in_population"], "total_cost"].mean()
    assert 38_000 <= mean <= 52_000, mean


def test_allocated_share(stevns):
    cov = recompute.allocation_coverage(stevns, YEAR)
    allocated = cov["direct"] + cov["activity"] + cov["average"]
    assert 0.97 <= allocated <= 0.99, cov
    assert min(cov["direct"], cov["activity"], cov["average"]) > 0.05, cov
    assert abs(allocated + cov["unallocated"] - 1) < 1e-9


def test_municipal_regional_overlap(totals):
    ov = recompute.top_overlap(totals, 1)
    assert ov < 0.15, ov
    assert recompute.top_overlap(totals, 5) < 0.4


def test_area_means_near_stevns(stevns):
    means = recompute.area_means(stevns, YEAR)
    for area, target in STEVNS_AREA_MEANS.items():
        assert abs(means.get(area, 0.0) / target - 1) <= 0.35, (area, means.get(area), target)
