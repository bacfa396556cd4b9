"""Differencing audit: attack the published analytics marts as an outsider would.

The outsider holds every table of the `analytics` schema and knows the rules
(which segments contain which, which sub-segments partition a segment, that
the bands of a distribution add up to the segment), and subtracts published
figures from each other. A finding is a withheld figure recovered, a count of
1 to min_cell_size - 1 units recovered, a figure of one unit published, or a
cost one unit dominates published. The audit reads the restricted schema only
for what the outsider is assumed to know (the nesting of the segments, from
their members) and to judge dominance.

Written apart from the dbt models it attacks (pytests/test_disclosure.py runs
it on the suite's build); against any DuckDB warehouse:

    .venv/bin/python -m pytests.disclosure_audit warehouse/welfare.duckdb
"""

from __future__ import annotations

import csv
import itertools
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def project_vars() -> dict:
    return yaml.safe_load((REPO / "dbt_project.yml").read_text())["vars"]


def rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def within_bounds(band: tuple, lowest, highest) -> bool:
    """Whether a band (lower, upper; None is open) lies within [lowest, highest) (None: open)."""
    lower, upper = band
    return (lowest is None or (lower is not None and lower >= lowest)) and \
        (highest is None or (upper is not None and upper <= highest))


class Audit:
    def __init__(self, con, k: int, dominance_max_share: float, rounding: float):
        self.con, self.k, self.share, self.rounding = con, k, dominance_max_share, rounding
        self.findings: dict[str, list] = defaultdict(list)

    def small(self, value) -> bool:
        return value is not None and 0 < value < self.k

    def found(self, check: str, *where) -> None:
        self.findings[check].append(where)

    # what the outsider knows -------------------------------------------------

    def members(self) -> dict:
        """(year, segment) -> set of units."""
        found = defaultdict(set)
        for year, segment, unit in self.con.execute(
                "select analysis_year, segment_id, unit_id from restricted.segment_members").fetchall():
            found[(year, segment)].add(unit)
        return found

    def nesting(self, members: dict, segments_by_year: dict):
        """Per year: proper subsets {whole: [parts]} and partitions [(whole, parts)]."""
        subsets, partitions = defaultdict(lambda: defaultdict(list)), defaultdict(list)
        catalogue = rows(self.con, "select segment_id, parent_segment_id from analytics.segment_catalogue")
        children = defaultdict(list)
        for c in catalogue:
            if c["parent_segment_id"]:
                children[c["parent_segment_id"]].append(c["segment_id"])
        for year, segments in segments_by_year.items():
            sets = {s: members.get((year, s), set()) for s in segments}
            for a, b in itertools.permutations(segments, 2):
                if sets[a] and sets[a] <= sets[b]:
                    subsets[year][b].append(a)
            for whole, parts in subsets[year].items():
                for a, b in itertools.combinations(parts, 2):
                    if not sets[a] & sets[b] and len(sets[a]) + len(sets[b]) == len(sets[whole]):
                        partitions[year].append((whole, [a, b]))
                kids = [c for c in children.get(whole, []) if c in parts]
                if len(kids) >= 3 and len(kids) == len(children[whole]) and all(
                        not sets[a] & sets[b] for a, b in itertools.combinations(kids, 2)):
                    partitions[year].append((whole, kids))
        return subsets, partitions

    # checks --------------------------------------------------------------------

    def equation(self, check: str, where, whole, parts, exact: bool) -> None:
        """whole = sum(parts) (+ an unknown residual unless exact): report what follows."""
        unknown = [p for p in parts if p is None]
        known = sum(p for p in parts if p is not None)
        if whole is None:
            # a whole of 0 (no band rows) is what the missing rows say anyway
            if exact and not unknown and known != 0:
                self.found(check + "_whole_recovered", *where)
            return
        rest = whole - known
        if exact and len(unknown) == 1 and rest != 0:
            self.found(check + "_part_recovered", *where)
        elif (unknown or not exact) and self.small(rest):
            self.found(check + "_small_difference", *where)

    def run(self) -> dict:
        k = self.k
        prof = {(r["segment_id"], r["analysis_year"], r["section"], r["item"]): r
                for r in rows(self.con, "select * from analytics.segment_profiles")}
        overlap = {(r["analysis_year"], r["segment_id"], r["other_segment_id"]): r
                   for r in rows(self.con, "select * from analytics.segment_overlap")}
        co = {(r["population"], r["analysis_year"], r["function_number"], r["other_function_number"]): r
              for r in rows(self.con, "select * from analytics.service_cooccurrence")}
        conc = rows(self.con, "select * from analytics.cost_concentration order by top_percent")
        tso = rows(self.con, "select * from analytics.top_spender_overlap order by top_percent")
        catalogue = {r["segment_id"]: r for r in rows(self.con, "select * from analytics.segment_catalogue")}

        # 1. a published count of 1 to k - 1
        for table, columns in {
            "segment_profiles": ["segment_size", "n_units"],
            "segment_overlap": ["n_units_in_both"],
            "service_cooccurrence": ["n_units"],
            "cost_concentration": ["n_units", "population_size"],
            "top_spender_overlap": ["n_units", "n_top_municipal", "n_top_regional", "n_in_both"],
        }.items():
            cond = " or ".join(f"({c} between 1 and {k - 1})" for c in columns)
            for (n,) in self.con.execute(f"select count(*) from analytics.{table} where {cond}").fetchall():
                self.findings["small_published_count"] += [table] * n

        # 2. a ratio that gives back a withheld figure
        for r in prof.values():
            if r["total_cost"] is None and (r["mean_cost"] is not None or r["share_of_segment_cost"] is not None
                                            or r["mean_count"] is not None):
                self.found("ratio_gives_withheld_cost", "segment_profiles", r["segment_id"], r["section"], r["item"])
            if r["n_units"] is None and r["share_of_segment"] is not None:
                self.found("ratio_gives_withheld_count", "segment_profiles", r["segment_id"], r["item"])
        for r in conc:
            ratios = ("mean_cost", "share_of_cost", "share_of_relevant_sector_cost")
            if r["total_cost"] is None and any(r[c] is not None for c in ratios):
                self.found("ratio_gives_withheld_cost", "cost_concentration", r["population"], r["top_percent"])
        for r in overlap.values():
            if r["n_units_in_both"] is None and r["share_of_segment"] is not None:
                self.found("ratio_gives_withheld_count", "segment_overlap", r["segment_id"], r["other_segment_id"])

        # 3. the same figure withheld in one place and published in another
        for (year, a, b), r in overlap.items():
            mirror = overlap.get((year, b, a))
            for column in ("n_units_in_both", "cost_in_both"):
                if mirror and (mirror[column] is None) != (r[column] is None):
                    self.found("mirror_gives_withheld", "segment_overlap", year, a, b, column)
            if a == b and (a, year, "summary", "units") in prof:
                units = prof[(a, year, "summary", "units")]
                for mine, theirs in (("n_units_in_both", "segment_size"), ("cost_in_both", "total_cost")):
                    if (r[mine] is None) != (units[theirs] is None):
                        self.found("diagonal_gives_withheld", year, a, mine)
        for (pop, year, f, g), r in co.items():
            mirror = co.get((pop, year, g, f))
            if mirror and (mirror["n_units"] is None) != (r["n_units"] is None):
                self.found("mirror_gives_withheld", "service_cooccurrence", pop, year, f, g)

        # 4. a line against its segment; lines that are disjoint parts of it
        young, old = project_vars()["profile_age_shares"].values()
        for (s, year, section, item), r in prof.items():
            units = prof.get((s, year, "summary", "units"))
            if units and r["n_units"] is not None and units["segment_size"] is not None \
                    and self.small(units["segment_size"] - r["n_units"]):
                self.found("line_against_segment_small_difference", s, year, section, item)
        for s, year in {(key[0], key[1]) for key in prof}:
            units = prof.get((s, year, "summary", "units"))
            for items in ((f"under_{young}", f"over_{old}"), ("one_chronic_condition", "several_chronic_conditions")):
                cells = [prof.get((s, year, "summary", i)) for i in items]
                if units and all(cells):
                    self.equation("disjoint_lines", (s, year, items), units["segment_size"],
                                  [c["n_units"] for c in cells], exact=False)

        # 4b. lines that are unions of bands (their bound is a band's), and the
        # number of services behind a mean against the bands of that number
        settings = project_vars()
        age_bounds, cost_bounds = settings["age_bands"], settings["profile_cost_bands"]
        threshold = settings["profile_cost_threshold"]
        with (REPO / "seeds" / "area_vocabulary.csv").open(encoding="utf-8") as vocabulary:
            areas = list(csv.DictReader(vocabulary))
        municipal_areas = {r["area_code"] for r in areas
                           if r["vocabulary"] == settings["area_vocabulary"] and r["sector"] == "municipal"}
        sector_of = {(f"area_cost_{r['vocabulary']}", r["area_code"]): r["sector"] for r in areas}
        with (REPO / "seeds" / "function_catalogue.csv").open(encoding="utf-8") as catalogue_file:
            functions = {r["function_number"]: r for r in csv.DictReader(catalogue_file)}

        def band_range(section: str, item: str) -> tuple:
            bounds = age_bounds if section == "age_band" else cost_bounds
            if item.startswith("<"):
                return None, bounds[0]
            if item.endswith("+"):
                return int(item[:-1]), None
            lower = int(item.split("-")[0])
            return lower, bounds[bounds.index(lower) + 1]

        lines_of = defaultdict(list)
        for (s, year, section, _), r in prof.items():
            lines_of[(s, year, section)].append(r)
        for s, year in {(key[0], key[1]) for key in prof}:
            units = prof.get((s, year, "summary", "units"))
            population = catalogue[s]["population"]
            unions = []  # (line, section, lowest band bound, highest band bound) of a union of bands
            if young in age_bounds:
                unions.append((f"under_{young}", "age_band", None, young))
            if old in age_bounds:
                unions.append((f"over_{old}", "age_band", old, None))
            if threshold[population] in cost_bounds:
                unions.append(("under_cost_threshold", "cost_band", None, threshold[population]))
            ages = []
            for item, section, lowest, highest in unions:
                line = prof.get((s, year, "summary", item))
                if line is None or units is None:
                    continue
                bands = [r for (s2, y2, sec, _), r in prof.items() if (s2, y2, sec) == (s, year, section)]
                if not bands:  # a sheet without the distribution (a reference segment's)
                    continue
                within = [r for r in bands if within_bounds(band_range(section, r["item"]), lowest, highest)]
                outside = [r for r in bands if r not in within]
                for column, whole_column in (("n_units", "segment_size"), ("total_cost", "total_cost")):
                    self.equation(f"union_line_{column}", (s, year, item), line[column],
                                  [r[column] for r in within], exact=True)
                    self.equation(f"union_rest_{column}", (s, year, item), units[whole_column],
                                  [line[column]] + [r[column] for r in outside], exact=True)
                if section == "age_band":
                    ages.append(line)
            if len(ages) == 2:
                between = [r for (s2, y2, sec, _), r in prof.items() if (s2, y2, sec) == (s, year, "age_band")
                           and within_bounds(band_range("age_band", r["item"]), young, old)]
                self.equation("ages_union", (s, year), units["segment_size"],
                              [m["n_units"] for m in ages] + [r["n_units"] for r in between], exact=True)
            # a sum of a value over the units (services, areas, conditions)
            # with the size gives back withheld counts of the lines by value
            services = prof.get((s, year, "summary", "municipal_services"))
            listed = lines_of[(s, year, "top_services")]
            areas = [r for r in lines_of[(s, year, f"area_cost_{settings['area_vocabulary']}")]
                     if r["item"] in municipal_areas]
            chronic_lines = [prof.get((s, year, "summary", i))
                             for i in ("one_chronic_condition", "several_chronic_conditions")]
            complete_list = len(listed) < settings["profile_top_services"]
            sums = {  # the figures whose sum is the sum of the values, and the lines by value
                "mean_count": ([services["mean_count"]] if services else [],
                               lines_of[(s, year, "services_band")]),
                "listed_services": ([r["n_units"] for r in listed] if complete_list else [],
                                    lines_of[(s, year, "services_band")]),
                "area_counts": ([r["n_units"] for r in areas], lines_of[(s, year, "areas_band")]),
                "condition_counts": ([r["n_units"] for r in lines_of[(s, year, "chronic_conditions")]],
                                     [c for c in chronic_lines if c is not None]),
            }
            for name, (wholes, by_value) in sums.items():
                if not wholes or not by_value:
                    continue
                withheld_lines = sum(r["n_units"] is None for r in by_value)
                withheld_wholes = sum(w is None for w in wholes)
                # with the bands' own sum, one or two withheld lines follow
                if withheld_wholes == 0 and 1 <= withheld_lines <= 2:
                    self.found(f"{name}_beside_withheld_lines", s, year)
                if withheld_wholes == 1 and not withheld_lines and len(wholes) > 1:
                    self.found(f"{name}_one_withheld_beside_lines", s, year)

        # 4c. no municipal service is no cost in any area: the first count bands hold the same units
        for s, year in {(key[0], key[1]) for key in prof}:
            first = [prof.get((s, year, section, "0")) for section in ("services_band", "areas_band")]
            # a band published with no unit is known to cost nothing
            if all(first) and 0 not in (first[0]["n_units"], first[1]["n_units"]):
                for column in ("n_units", "total_cost"):
                    if (first[0][column] is None) != (first[1][column] is None):
                        self.found("no_services_bands_give_withheld", s, year, column)

        # 5. bands against the segment; costs by area, type and sector against its cost
        sections = defaultdict(list)
        for (s, year, section, item), r in prof.items():
            sections[(s, year, section)].append(r)
        for (s, year, section), cells in sections.items():
            units = prof.get((s, year, "summary", "units"))
            if units is None:
                continue
            if section.endswith("_band"):
                self.equation("bands", (s, year, section), units["segment_size"],
                              [c["n_units"] for c in cells], exact=True)
                self.equation("band_costs", (s, year, section), units["total_cost"],
                              [c["total_cost"] for c in cells], exact=True)
            # (parts, the line they add up to)
            sums = []
            if section.startswith("area_cost_"):
                for sector in ("municipal", "regional"):
                    sums.append(([c for c in cells if sector_of.get((section, c["item"])) == sector],
                                 prof.get((s, year, "summary", f"{sector}_cost"))))
            elif section == "cost_type":
                sums.append((cells, units))
            elif section == "summary":
                sums.append(([c for c in cells if c["item"] in ("municipal_cost", "regional_cost")], units))
            elif section == "top_services" and len(cells) < settings["profile_top_services"]:
                # a complete list: the services of an area or a cost type add up to its cost
                for column in ("area_stevns", "area_skanderborg", "cost_type"):
                    breakdown = "cost_type" if column == "cost_type" else "area_cost_" + column[5:]
                    by_item = defaultdict(list)
                    for c in cells:
                        by_item[functions[c["item"]][column]].append(c)
                    for item, services in by_item.items():
                        sums.append((services, prof.get((s, year, breakdown, item))))
            for parts, whole in sums:
                if parts and whole:
                    self.equation_costs(("cost_parts", s, year, section, whole["item"]), whole["total_cost"],
                                        [c["total_cost"] for c in parts])

        # 6. segments against the segments they contain (found from the members)
        members = self.members()
        segments_by_year = defaultdict(list)
        for (s, year, section, item) in prof:
            if section == "summary" and item == "units":
                segments_by_year[year].append(s)
        subsets, partitions = self.nesting(members, segments_by_year)
        lines = defaultdict(dict)
        for (s, year, section, item), r in prof.items():
            lines[(s, year)][(section, item)] = r
        for year, by_whole in subsets.items():
            for whole, parts in by_whole.items():
                for part in parts:
                    for line, r in lines[(part, year)].items():
                        w = lines[(whole, year)].get(line)
                        if w is None:
                            continue
                        self.equation("segment_against_subset", (whole, part, year, *line),
                                      w["n_units"], [r["n_units"]], exact=False)
                    # overlaps with a third segment
                    for (y, a, b), r in overlap.items():
                        if y != year or b != part:
                            continue
                        w = overlap.get((year, a, whole))
                        if w:
                            self.equation("overlap_against_subset", (year, a, whole, part),
                                          w["n_units_in_both"], [r["n_units_in_both"]], exact=False)
        for year, found in partitions.items():
            for whole, parts in found:
                for line, w in lines[(whole, year)].items():
                    cells = [lines[(p, year)].get(line) for p in parts]
                    if any(c is None for c in cells):
                        continue
                    self.equation("partition", (whole, year, *line), w["n_units"],
                                  [c["n_units"] for c in cells], exact=True)
                    # a line no unit of the whole is on says its parts are empty anyway
                    if w["n_units"] != 0 or w["total_cost"] != 0:
                        self.equation_costs(("partition_cost", whole, year, *line), w["total_cost"],
                                            [c["total_cost"] for c in cells])
                for a in segments_by_year[year]:
                    w = overlap.get((year, a, whole))
                    cells = [overlap.get((year, a, p)) for p in parts]
                    if w and all(cells):
                        self.equation("overlap_partition", (year, a, whole), w["n_units_in_both"],
                                      [c["n_units_in_both"] for c in cells], exact=True)

        # 7. an overlap pair against the diagonals; a co-occurrence pair likewise
        for (year, a, b), r in overlap.items():
            if a != b:
                self.equation("overlap_against_diagonal", (year, a, b),
                              overlap[(year, a, a)]["n_units_in_both"], [r["n_units_in_both"]], exact=False)
        for (pop, year, f, g), r in co.items():
            if f != g:
                self.equation("cooccurrence_against_diagonal", (pop, year, f, g),
                              co[(pop, year, f, f)]["n_units"], [r["n_units"]], exact=False)

        # 8. nested top groups, the population, municipal plus regional
        nested = defaultdict(list)
        for r in conc:
            nested[(r["analysis_year"], r["population"], r["cost_scope"])].append(r)
        for key, groups in nested.items():
            for smaller, larger in itertools.pairwise(groups):
                self.equation("nested_top_groups", (*key, smaller["top_percent"]), larger["n_units"],
                              [smaller["n_units"]], exact=False)
            self.equation("top_group_in_population", key, groups[-1]["population_size"],
                          [groups[-1]["n_units"]], exact=False)
        for (year, pop, scope), groups in nested.items():
            if scope == "total":
                parts = [nested.get((year, pop, s), [{}])[0].get("population_cost") for s in ("municipal", "regional")]
                self.equation_costs(("population_scopes", year, pop), groups[0]["population_cost"], parts)
        for r in tso:
            for column in ("n_top_municipal", "n_top_regional"):
                self.equation("top_spenders_in_group", (r["analysis_year"], r["population"], r["top_percent"]),
                              r[column], [r["n_in_both"]], exact=False)

        # 9. one unit's figure: a cut-off not rounded, a cost one unit dominates
        for r in conc:
            if r["threshold_cost"] is not None and float(r["threshold_cost"]) % self.rounding:
                self.found("one_unit_threshold_published", r["analysis_year"], r["population"], r["top_percent"])
        self.dominance(prof, overlap, members, catalogue)
        return self.findings

    def equation_costs(self, where, whole, parts) -> None:
        """Costs that add up exactly: one withheld part, or the whole from its parts, is recovered."""
        unknown = [p for p in parts if p is None]
        if whole is not None and len(unknown) == 1:
            self.found(where[0] + "_part_recovered", *where[1:])
        if whole is None and parts and not unknown:
            self.found(where[0] + "_whole_recovered", *where[1:])

    def dominance(self, prof, overlap, members, catalogue) -> None:
        costs = {}
        for table, key in (("person_costs", "person_id"), ("family_costs", "family_id")):
            for unit, year, cost in self.con.execute(
                    f"select {key}, analysis_year, total_cost from restricted.{table}").fetchall():
                costs[(unit, year)] = abs(float(cost))

        def dominated(year, units) -> bool:
            values = [costs.get((u, year), 0.0) for u in units]
            total = sum(values)
            return total > 0 and max(values) > self.share * total

        for (s, year, section, item), r in prof.items():
            if section == "summary" and item == "units" and r["total_cost"] is not None \
                    and dominated(year, members.get((year, s), ())):
                self.found("dominated_cost_published", s, year)
        for (year, a, b), r in overlap.items():
            if a < b and r["cost_in_both"] is not None and \
                    dominated(year, members.get((year, a), set()) & members.get((year, b), set())):
                self.found("dominated_cost_published", year, a, b)


def audit(con) -> dict:
    settings = project_vars()
    return Audit(con, settings["min_cell_size"], settings["dominance_max_share"],
                 settings["published_value_rounding"]).run()


def main(argv: list[str]) -> int:
    import duckdb

    if len(argv) != 1:
        print("usage: python -m pytests.disclosure_audit WAREHOUSE.duckdb", file=sys.stderr)
        return 2
    findings = audit(duckdb.connect(argv[0], read_only=True))
    for check, found in sorted(findings.items()):
        print(f"{check}: {len(found)}  e.g. {found[:2]}")
    print(f"{sum(map(len, findings.values()))} findings")
    return 1 if any(findings.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
