"""Calibration report: the synthetic municipality's figures beside the published Stevns 2017 figures.

Read from the marts of a built warehouse (``welfare-segments calibration``), so the
report shows what the marts say, not what the generator meant to write. It prints
aggregates only, but reads exact figures (segment sizes and the top-spender overlap
before disclosure control), so it is a tool for synthetic data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

# Stevns 2017 (Stevns Kommune and Region Sjælland, "Populationsbaseret
# analyse"): the published figures and the tolerance the demo must meet.
# kind: 'relative' (a share of the figure), 'points' (percentage points),
# 'factor' (within published / f and published x f).
TARGETS: list[tuple[str, float, str, float]] = [
    ("citizens: mean cost per citizen", 45_476, "relative", 0.10),
    ("citizens: mean employment (Arbejdsmarked)", 16_155, "relative", 0.10),
    ("citizens: mean children and learning (Børn og Læring)", 5_231, "relative", 0.10),
    ("citizens: mean health and care (Sundhed og Omsorg)", 9_603, "relative", 0.10),
    ("citizens: mean regional health (Sundhedsvæsen)", 14_487, "relative", 0.10),
    ("families (2+ persons at one address)", 6_716, "relative", 0.10),
    ("families with children", 2_460, "relative", 0.10),
    ("families: mean cost per family", 98_583, "relative", 0.15),
    ("concentration total, top 1 %", 21, "points", 4),
    ("concentration total, top 3 %", 38, "points", 4),
    ("concentration total, top 5 %", 49, "points", 4),
    ("concentration regional, top 1 %", 30, "points", 4),
    ("concentration regional, top 3 %", 48, "points", 4),
    ("concentration regional, top 5 %", 59, "points", 4),
    ("concentration municipal (of the relevant ledger), top 1 %", 26, "points", 4),
    ("concentration municipal (of the relevant ledger), top 3 %", 44, "points", 4),
    ("concentration municipal (of the relevant ledger), top 5 %", 57, "points", 4),
    ("top-spender overlap, top 1 %", 5, "points", 4),
    ("top-spender overlap, top 5 %", 13, "points", 4),
    ("allocation: share of the relevant municipal ledger allocated to individuals", 99, "points", 2),
]

# Published sizes of the Stevns segments and sub-segments (citizens or
# families); segment 2 is 2+3 (241) less segment 3 (145), split evenly by sex.
STEVNS_SEGMENT_SIZES: dict[str, int] = {
    "s01": 185, "s01a": 38, "s02": 96, "s02f": 48, "s02m": 48, "s03": 145, "s03a": 81,
    "s04": 226, "s04a": 184, "s23": 241, "s23a": 81, "s05": 37, "s06": 405, "s06a": 101,
    "s07": 130, "s07a": 101, "s08": 41, "s08a": 31, "s09": 114, "s09a": 90, "s10": 169,
    "s10a": 87, "s11": 93, "s11a": 47,
}
SEGMENT_SIZE_FACTOR = 1.5

AREA_COLUMNS = {
    "employment": "employment_cost",
    "children and learning": "children_learning_cost",
    "health and care": "health_care_cost",
    "regional health": "regional_health_cost",
}


@dataclass(frozen=True)
class Row:
    figure: str
    published: float
    measured: float | None
    kind: str
    tolerance: float

    @property
    def within(self) -> bool:
        if self.measured is None:
            return False
        if self.kind == "relative":
            return abs(self.measured / self.published - 1) <= self.tolerance
        if self.kind == "points":
            return abs(self.measured - self.published) <= self.tolerance
        return self.published / self.tolerance <= self.measured <= self.published * self.tolerance

    @property
    def tolerance_text(self) -> str:
        return {"relative": f"±{self.tolerance:.0%}", "points": f"±{self.tolerance:g} points",
                "factor": f"x/÷ {self.tolerance:g}"}[self.kind]


def measure(con: duckdb.DuckDBPyConnection) -> tuple[int, dict[str, float | None]]:
    """The calibration figures of the latest analysis year of a built warehouse."""
    (year,) = con.execute("select max(analysis_year) from analytics.allocation_coverage").fetchone()
    figures: dict[str, float | None] = {}
    # the reference rows, as analytics.population_summary publishes them
    summary = {
        row[0]: row[1:]
        for row in con.execute(
            "select segment_id, n_units, mean_total_cost, "
            + ", ".join(f"mean_{c}" for c in AREA_COLUMNS.values())
            + " from analytics.population_summary where analysis_year = ?", [year]
        ).fetchall()
    }
    citizens = summary["all_citizens"]
    figures["citizens: mean cost per citizen"] = citizens[1]
    for (label, _), value in zip(AREA_COLUMNS.items(), citizens[2:], strict=True):
        danish = next(t[0] for t in TARGETS if t[0].startswith(f"citizens: mean {label}"))
        figures[danish] = value
    figures["families (2+ persons at one address)"] = summary["all_families"][0]
    figures["families with children"] = summary["families_with_children"][0]
    figures["families: mean cost per family"] = summary["all_families"][1]
    (allocated_share,) = con.execute(
        "select allocated_share from analytics.allocation_coverage where analysis_year = ?",
        [year],
    ).fetchone()
    figures["allocation: share of the relevant municipal ledger allocated to individuals"] = 100 * allocated_share
    for scope, top, share, share_of_ledger in con.execute(
        "select cost_scope, top_percent, share_of_cost, share_of_relevant_sector_cost "
        "from analytics.cost_concentration where population = 'citizens' and analysis_year = ?", [year]
    ).fetchall():
        if scope == "municipal":
            figures[f"concentration municipal (of the relevant ledger), top {top} %"] = (
                None if share_of_ledger is None else 100 * share_of_ledger)
        else:
            figures[f"concentration {scope}, top {top} %"] = None if share is None else 100 * share
    for top, share in con.execute(
        "select top_percent, 1.0 * n_in_both / n_top_municipal from intermediate.int_top_spender_overlap_groups "
        "where population = 'citizens' and analysis_year = ?", [year]
    ).fetchall():
        figures[f"top-spender overlap, top {top} %"] = 100 * share
    for segment_id, size in con.execute(
        "select segment_id, count(*) from restricted.segment_members where analysis_year = ? group by segment_id",
        [year],
    ).fetchall():
        figures[f"segment {segment_id}"] = size
    return year, figures


def rows(figures: dict[str, float | None]) -> list[Row]:
    found = [Row(name, published, figures.get(name), kind, tolerance) for name, published, kind, tolerance in TARGETS]
    found += [Row(f"segment {segment_id}", published, figures.get(f"segment {segment_id}"), "factor",
                  SEGMENT_SIZE_FACTOR) for segment_id, published in STEVNS_SEGMENT_SIZES.items()]
    return found


def report(warehouse: Path) -> tuple[str, list[Row]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        year, figures = measure(con)
    found = rows(figures)
    width = max(len(r.figure) for r in found)
    lines = [f"calibration of {warehouse} ({year}) against Stevns 2017", "",
             f"{'figure':<{width}}  {'Stevns':>10}  {'this build':>10}  {'tolerance':<12}  within"]
    for r in found:
        measured = "-" if r.measured is None else f"{r.measured:,.1f}" if r.kind == "points" else f"{r.measured:,.0f}"
        published = f"{r.published:,.0f}"
        lines.append(f"{r.figure:<{width}}  {published:>10}  {measured:>10}  {r.tolerance_text:<12}  "
                     f"{'yes' if r.within else 'NO'}")
    outside = [r.figure for r in found if not r.within]
    lines += ["", f"{len(found) - len(outside)} of {len(found)} figures within tolerance"
              + (f"; outside: {', '.join(outside)}" if outside else "")]
    return "\n".join(lines), found
