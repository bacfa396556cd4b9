"""Differencing audit: attack the published analytics marts as an outsider would.

The outsider holds every table of the `analytics` schema and the catalogue's
parent / merge structure, and subtracts published aggregates from each other.
The audit fails when it recovers a withheld cell or any count of 1 to
min_cell_size - 1 units. It reads the restricted schema only to know the
units' exact costs (a published cost equal to one unit's cost) and which
sub-segments partition their parent (an outsider knows the rules).

    .venv/bin/python scripts/disclosure_audit.py warehouse/welfare.duckdb

prints what each attack recovers and exits 1 when anything is recovered. The
cross-table suppression that would make it pass is not built yet: on the
current marts it recovers cells (parent minus sub-segment, overlap pairs
against the diagonal, cost breakdowns, ...), so it is a tool, not yet a test.
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict

K = 5  # var min_cell_size (dbt_project.yml)
BAND_SECTIONS = ("age_band", "cost_band", "services_band", "areas_band")
COST_PARTITION_PREFIXES = ("area_cost_", "cost_type")


def small(value) -> bool:
    return value is not None and 0 < value < K


def rows(con, sql):
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def ancestors(con) -> dict:
    """segment -> its transitive ancestors (parents; a merged segment is an ancestor of its parts)."""
    catalogue = rows(con, "select * from analytics.segment_catalogue")
    parents = defaultdict(set)
    by_label = {(c["population"], c["segment_label"]): c["segment_id"] for c in catalogue}
    for c in catalogue:
        if c["parent_segment_id"]:
            parents[c["segment_id"]].add(c["parent_segment_id"])
        parts = (c.get("merged_from_segment_ids") or "").split(",") if c.get("merged_from_segment_ids") else None
        if parts is None and "+" in c["segment_label"]:  # old catalogue: the label names the parts
            parts = [by_label.get((c["population"], p)) for p in c["segment_label"].split("+")]
        for part in parts or []:
            if part:
                parents[part].add(c["segment_id"])
    closed = {}
    for segment in {c["segment_id"] for c in catalogue}:
        seen, todo = set(), list(parents[segment])
        while todo:
            a = todo.pop()
            if a not in seen:
                seen.add(a)
                todo.extend(parents[a])
        closed[segment] = seen
    return closed


def partitions(con) -> list:
    """(whole, parts) where the parts are disjoint and their union is the whole (known from the rules)."""
    catalogue = rows(con, "select * from analytics.segment_catalogue")
    groups = defaultdict(list)
    by_label = {(c["population"], c["segment_label"]): c["segment_id"] for c in catalogue}
    for c in catalogue:
        if c["parent_segment_id"]:
            groups[c["parent_segment_id"]].append(c["segment_id"])
        merged = c.get("merged_from_segment_ids")
        if merged:
            groups[c["segment_id"] + "#merged"] = merged.split(",")
        elif "+" in c["segment_label"]:
            groups[c["segment_id"] + "#merged"] = [by_label.get((c["population"], p))
                                                   for p in c["segment_label"].split("+")]
    found = []
    for key, parts in groups.items():
        whole = key.split("#")[0]
        parts = [p for p in parts if p]
        if len(parts) < 2:
            continue
        ids = "', '".join([whole, *parts])
        check = con.execute(f"""
            with m as (select segment_id, analysis_year, unit_id from restricted.segment_members
                       where segment_id in ('{ids}'))
            select count(*) from (
                select analysis_year, unit_id,
                       sum(case when segment_id = '{whole}' then 1 else 0 end) as in_whole,
                       sum(case when segment_id <> '{whole}' then 1 else 0 end) as in_parts
                from m group by analysis_year, unit_id) as u
            where in_whole <> 1 or in_parts <> 1""").fetchone()[0]
        if check == 0:
            found.append((whole, parts))
    return found


def profiles(con) -> dict:
    return {(r["segment_id"], r["analysis_year"], r["section"], r["item"]): r
            for r in rows(con, "select * from analytics.segment_profiles")}


def audit(con) -> dict:
    findings = defaultdict(list)
    prof = profiles(con)
    anc = ancestors(con)

    # 1. any published count in 1..k-1
    for table, columns in {
        "segment_profiles": ["segment_size", "n_units"],
        "segment_overlap": ["n_units_in_both"],
        "service_cooccurrence": ["n_units"],
        "cost_concentration": ["n_units", "population_size"],
        "top_spender_overlap": ["n_units", "n_top_municipal", "n_top_regional", "n_in_both"],
    }.items():
        cond = " or ".join(f"({c} between 1 and {K - 1})" for c in columns)
        n = con.execute(f"select count(*) from analytics.{table} where {cond}").fetchone()[0]
        findings["small_published_count"] += [table] * n

    # 2. complements and parent minus sub-segment, per cell and for sizes
    for (s, year, section, item), r in prof.items():
        if (r["n_units"] is not None and r["segment_size"] is not None and section != "summary"
                and small(r["segment_size"] - r["n_units"])):
            findings["small_complement"].append((s, year, section, item))
        for a in anc[s]:
            ra = prof.get((a, year, section, item))
            if ra is None:
                continue
            if section == "summary" and item == "units" and r["segment_size"] is not None \
                    and ra["segment_size"] is not None and small(ra["segment_size"] - r["segment_size"]):
                findings["small_difference_size"].append((a, s, year))
            if r["n_units"] is not None and ra["n_units"] is not None and small(ra["n_units"] - r["n_units"]):
                findings["small_difference_cell"].append((a, s, year, section, item))

    # 3. sibling / merged sums recovering a withheld segment or cell
    for whole, parts in partitions(con):
        for (s, year, section, item), r in prof.items():
            if s != whole or r["n_units"] is None:
                continue
            cells = [prof.get((p, year, section, item)) for p in parts]
            withheld = [c for c in cells if c is None or c["n_units"] is None]
            if len(withheld) == 1 and withheld[0] is not None:
                findings["recovered_from_partition"].append((whole, withheld[0]["segment_id"], year, section, item))
            elif withheld and all(c is not None for c in cells):
                rest = r["n_units"] - sum(c["n_units"] for c in cells if c["n_units"] is not None)
                if small(rest):
                    findings["small_sum_from_partition"].append((whole, year, section, item))

    # 4. overlap pairs against the diagonal, descendants, symmetry
    overlap = {(r["analysis_year"], r["segment_id"], r["other_segment_id"]): r
               for r in rows(con, "select * from analytics.segment_overlap")}
    for (year, a, b), r in overlap.items():
        diag_a, diag_b = overlap.get((year, a, a)), overlap.get((year, b, b))
        mirror = overlap.get((year, b, a))
        if mirror is not None and bool(mirror["is_suppressed"]) != bool(r["is_suppressed"]):
            findings["asymmetric_suppression"].append(("segment_overlap", year, a, b))
        n = r["n_units_in_both"]
        if n is None:
            continue
        for diag in (diag_a, diag_b):
            if diag and diag["n_units_in_both"] is not None and small(diag["n_units_in_both"] - n):
                findings["overlap_minus_diagonal"].append((year, a, b))
        for c in anc[b]:
            rc = overlap.get((year, a, c))
            if rc and rc["n_units_in_both"] is not None and small(rc["n_units_in_both"] - n):
                findings["overlap_minus_ancestor"].append((year, a, b, c))

    # 5. co-occurrence pairs against the diagonal
    co = {(r["population"], r["analysis_year"], r["function_number"], r["other_function_number"]): r
          for r in rows(con, "select * from analytics.service_cooccurrence")}
    for (pop, year, f, g), r in co.items():
        mirror = co.get((pop, year, g, f))
        if mirror is not None and bool(mirror["is_suppressed"]) != bool(r["is_suppressed"]):
            findings["asymmetric_suppression"].append(("service_cooccurrence", pop, year, f, g))
        if r["n_units"] is None or f == g:
            continue
        for diag in (co.get((pop, year, f, f)), co.get((pop, year, g, g))):
            if diag and diag["n_units"] is not None and small(diag["n_units"] - r["n_units"]):
                findings["cooccurrence_minus_diagonal"].append((pop, year, f, g))

    # 6. distribution bands against the segment size; 7. cost partitions against the segment cost
    sections = defaultdict(list)
    for (s, year, section, item), r in prof.items():
        sections[(s, year, section)].append(r)
    for (s, year, section), cells in sections.items():
        units = prof.get((s, year, "summary", "units"))
        if units is None:
            continue
        if section in BAND_SECTIONS and units["segment_size"] is not None:
            withheld = [c for c in cells if c["n_units"] is None]
            rest = units["segment_size"] - sum(c["n_units"] for c in cells if c["n_units"] is not None)
            if len(withheld) == 1 and rest > 0:
                findings["band_recovered"].append((s, year, section))
            elif withheld and small(rest):
                findings["withheld_bands_small_sum"].append((s, year, section))
        partition_cells = None
        if section.startswith(COST_PARTITION_PREFIXES):
            partition_cells = cells
        elif section == "summary":
            partition_cells = [c for c in cells if c["item"] in ("municipal_cost", "regional_cost")]
        if partition_cells and units["total_cost"] is not None:
            withheld = [c for c in partition_cells if c["total_cost"] is None]
            if len(withheld) == 1 and withheld[0]["n_units"] != 0:
                findings["cost_recovered"].append((s, year, section, withheld[0]["item"]))

    # 8. concentration groups: nested top groups and one unit's value
    conc = rows(con, "select * from analytics.cost_concentration order by top_percent")
    nested = defaultdict(list)
    for r in conc:
        nested[(r["analysis_year"], r["population"], r["cost_scope"])].append(r)
    for key, groups in nested.items():
        for smaller, larger in itertools.pairwise(groups):
            if smaller["n_units"] is not None and larger["n_units"] is not None \
                    and small(larger["n_units"] - smaller["n_units"]):
                findings["nested_top_group_difference"].append((*key, smaller["top_percent"], larger["top_percent"]))

    # 9. any published cost equal to one unit's exact cost
    unit_costs = set()
    for table in ("person_costs", "family_costs"):
        for column in ("total_cost", "municipal_cost", "regional_cost"):
            unit_costs.update(v for (v,) in con.execute(
                f"select distinct {column} from restricted.{table} where {column} <> 0").fetchall())
    published = []
    published += [("segment_profiles", r["total_cost"]) for r in prof.values()]
    published += [("segment_overlap", r["cost_in_both"]) for r in overlap.values()]
    published += [("cost_concentration." + c, r[c]) for r in conc for c in ("total_cost", "threshold_cost")]
    for table, value in published:
        if value is not None and value != 0 and value in unit_costs:
            findings["one_unit_cost_published"].append(table)
    return findings


def main(argv: list[str]) -> int:
    import duckdb

    if len(argv) != 1:
        print("usage: scripts/disclosure_audit.py WAREHOUSE.duckdb", file=sys.stderr)
        return 2
    connection = duckdb.connect(argv[0], read_only=True)
    findings = audit(connection)
    for check, found in sorted(findings.items()):
        print(f"{check}: {len(found)}" + (f"  e.g. {found[:2]}" if found else ""))
    return 1 if any(findings.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
