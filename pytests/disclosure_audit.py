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


def keyed(found: list[dict], table: str, key_columns: tuple) -> dict:
    """Rows by their key; each row knows its table and key (for fig)."""
    by_key = {}
    for r in found:
        key = tuple(r[c] for c in key_columns)
        r["_key"] = (table, *key)
        by_key[key] = r
    return by_key


def fig(row: dict, column: str) -> tuple:
    """A published figure: (its identity, its value; None when withheld)."""
    return (*row["_key"], column), row[column]


def within_bounds(band: tuple, lowest, highest) -> bool:
    """Whether a band (lower, upper; None is open) lies within [lowest, highest) (None: open)."""
    lower, upper = band
    return (lowest is None or (lower is not None and lower >= lowest)) and \
        (highest is None or (upper is not None and upper <= highest))


class Audit:
    def __init__(self, con, k: int, dominance_max_share: float, rounding: float):
        self.con, self.k, self.share, self.rounding = con, k, dominance_max_share, rounding
        self.findings: dict[str, list] = defaultdict(list)
        # every exact equation the checks read: (whole, parts) of figures
        self.exact_equations: list[tuple] = []
        self.recovered: dict = {}  # withheld figure -> its value, as the joint attack recovers it
        self.function_costs: dict | None = None  # (segment, year, function) -> the units' costs
        self._unit_costs: dict | None = None

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

    def equation(self, check: str, where, whole_figure, part_figures, exact: bool) -> None:
        """whole = sum(parts) (+ an unknown residual unless exact): report what follows.
        The figures are (key, value) pairs (fig); an exact equation is kept for
        the joint attack (joint)."""
        if exact:
            self.exact_equations.append((whole_figure, list(part_figures), (check, *where)))
        whole, parts = whole_figure[1], [p[1] for p in part_figures]
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

    def same(self, figure, other) -> None:
        """One figure published in two places."""
        self.exact_equations.append((figure, [other], ("same",)))

    def run(self) -> dict:
        k = self.k
        prof = keyed(rows(self.con, "select * from analytics.segment_profiles"),
                     "segment_profiles", ("segment_id", "analysis_year", "section", "item"))
        overlap = keyed(rows(self.con, "select * from analytics.segment_overlap"),
                        "segment_overlap", ("analysis_year", "segment_id", "other_segment_id"))
        co = keyed(rows(self.con, "select * from analytics.service_cooccurrence"),
                   "service_cooccurrence", ("population", "analysis_year", "function_number", "other_function_number"))
        conc = list(keyed(rows(self.con, "select * from analytics.cost_concentration order by top_percent"),
                          "cost_concentration", ("analysis_year", "population", "cost_scope", "top_percent")).values())
        tso = list(keyed(rows(self.con, "select * from analytics.top_spender_overlap order by top_percent"),
                         "top_spender_overlap", ("analysis_year", "population", "top_percent")).values())
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

        # 1b. what a withheld segment's units receive, by the names of its services
        for (s, year, section, item), r in prof.items():
            if section == "top_services" and r["segment_size"] is None:
                self.found("services_named_on_withheld_sheet", s, year, item)

        # 1c. which list a service is on bounds a withheld figure of the list by the others
        listed_of = defaultdict(list)
        for (s, year, section, item), r in prof.items():
            if section == "top_services":
                listed_of[(s, year)].append(r)
        for (s, year), lines in listed_of.items():
            if any(r["n_units"] is None or r["total_cost"] is None for r in lines) \
                    and any(r["top_list"] is not None for r in lines):
                self.found("top_list_bounds_withheld", s, year)

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
                if mirror and a < b:
                    self.same(fig(r, column), fig(mirror, column))
            if a == b and (a, year, "summary", "units") in prof:
                units = prof[(a, year, "summary", "units")]
                for mine, theirs in (("n_units_in_both", "segment_size"), ("cost_in_both", "total_cost")):
                    if (r[mine] is None) != (units[theirs] is None):
                        self.found("diagonal_gives_withheld", year, a, mine)
                    self.same(fig(r, mine), fig(units, theirs))
        for (pop, year, f, g), r in co.items():
            mirror = co.get((pop, year, g, f))
            if mirror and (mirror["n_units"] is None) != (r["n_units"] is None):
                self.found("mirror_gives_withheld", "service_cooccurrence", pop, year, f, g)
            if mirror and f < g:
                self.same(fig(r, "n_units"), fig(mirror, "n_units"))
        # a segment's size on each line of its sheet, and on its units line
        for (s, year, section, item), r in prof.items():
            units = prof.get((s, year, "summary", "units"))
            if units:
                self.same(fig(r, "segment_size"), fig(units, "segment_size"))
                if (section, item) == ("summary", "units"):
                    self.same(fig(r, "n_units"), fig(units, "segment_size"))

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
                    self.equation("disjoint_lines", (s, year, items), fig(units, "segment_size"),
                                  [fig(c, "n_units") for c in cells], exact=False)

        # 4b. lines that are unions of bands (their bound is a band's), and the
        # number of services behind a mean against the bands of that number
        settings = project_vars()
        age_bounds, cost_bounds = settings["age_bands"], settings["profile_cost_bands"]
        threshold = settings["profile_cost_threshold"]
        with (REPO / "seeds" / "area_vocabulary.csv").open(encoding="utf-8") as vocabulary:
            areas = list(csv.DictReader(vocabulary))
        # the areas a unit's number of areas counts
        counted_areas = {r["area_code"] for r in areas
                         if r["vocabulary"] == settings["area_vocabulary"] and r["is_counted_area"] == "true"}
        sector_of = {(f"area_cost_{r['vocabulary']}", r["area_code"]): r["sector"] for r in areas}
        with (REPO / "seeds" / "function_catalogue.csv").open(encoding="utf-8") as catalogue_file:
            functions = {r["function_number"]: r for r in csv.DictReader(catalogue_file)}
        regional_types = {f["cost_type"] for f in functions.values() if f["sector"] == "regional"}

        def complete_list(s, year) -> bool:
            """Whether a sheet lists every service its units receive, as the outsider
            can tell: fewer lines than the most frequent list holds, listed costs
            that add up to the municipal cost, or listed counts that add up to the
            services behind the mean."""
            units = prof.get((s, year, "summary", "units"))
            if catalogue[s]["is_reference"] or units is None or units["segment_size"] is None:
                return False  # a whole population's sheet, or one withheld, lists no services
            listed = lines_of[(s, year, "top_services")]
            if len(listed) < settings["profile_top_services"]:
                return True
            municipal = prof.get((s, year, "summary", "municipal_cost"))
            services = prof.get((s, year, "summary", "municipal_services"))
            costs = [r["total_cost"] for r in listed]
            counts = [r["n_units"] for r in listed]
            by_cost = municipal is not None and municipal["total_cost"] is not None and None not in costs \
                and abs(sum(costs) - municipal["total_cost"]) < 0.5
            by_count = services is not None and services["mean_count"] is not None \
                and services["n_units"] is not None and None not in counts \
                and abs(sum(counts) - services["mean_count"] * services["n_units"]) < 0.5
            return by_cost or by_count

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
                    self.equation(f"union_line_{column}", (s, year, item), fig(line, column),
                                  [fig(r, column) for r in within], exact=True)
                    self.equation(f"union_rest_{column}", (s, year, item), fig(units, whole_column),
                                  [fig(line, column)] + [fig(r, column) for r in outside], exact=True)
                if section == "age_band":
                    ages.append(line)
            if len(ages) == 2:
                between = [r for (s2, y2, sec, _), r in prof.items() if (s2, y2, sec) == (s, year, "age_band")
                           and within_bounds(band_range("age_band", r["item"]), young, old)]
                self.equation("ages_union", (s, year), fig(units, "segment_size"),
                              [fig(m, "n_units") for m in ages] + [fig(r, "n_units") for r in between],
                              exact=True)
            # a sum of a value over the units (services, areas, conditions)
            # with the size gives back withheld counts of the lines by value
            services = prof.get((s, year, "summary", "municipal_services"))
            listed = lines_of[(s, year, "top_services")]
            areas = [r for r in lines_of[(s, year, f"area_cost_{settings['area_vocabulary']}")]
                     if r["item"] in counted_areas]
            chronic_lines = [prof.get((s, year, "summary", i))
                             for i in ("one_chronic_condition", "several_chronic_conditions")]
            departments = prof.get((s, year, "summary", "departments"))
            sums = {  # the figures whose sum is the sum of the values, and the lines by value
                "mean_count": ([services["mean_count"]] if services else [],
                               lines_of[(s, year, "services_band")]),
                "listed_services": ([r["n_units"] for r in listed] if complete_list(s, year) else [],
                                    lines_of[(s, year, "services_band")]),
                "departments_mean_count": ([departments["mean_count"]] if departments else [],
                                           lines_of[(s, year, "departments_band")]),
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
                    self.same(fig(first[0], column), fig(first[1], column))

        # 5. bands against the segment; costs by area, type and sector against its cost
        sections = defaultdict(list)
        for (s, year, section, item), r in prof.items():
            sections[(s, year, section)].append(r)
        for (s, year, section), cells in sections.items():
            units = prof.get((s, year, "summary", "units"))
            if units is None:
                continue
            if section.endswith("_band"):
                self.equation("bands", (s, year, section), fig(units, "segment_size"),
                              [fig(c, "n_units") for c in cells], exact=True)
                self.equation("band_costs", (s, year, section), fig(units, "total_cost"),
                              [fig(c, "total_cost") for c in cells], exact=True)
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
            elif section == "top_services" and complete_list(s, year):
                # a complete list: the services of an area or a cost type add up to its cost
                for column in ("area_stevns", "area_skanderborg", "cost_type"):
                    breakdown = "cost_type" if column == "cost_type" else "area_cost_" + column[5:]
                    by_item = defaultdict(list)
                    for c in cells:
                        by_item[functions[c["item"]][column]].append(c)
                    for item, services in by_item.items():
                        if column == "cost_type" and item in regional_types:
                            # the region's cost is of this type too (its activity is no service)
                            regional = prof.get((s, year, "summary", "regional_cost"))
                            if len(regional_types) > 1 or regional is None:
                                continue
                            services = [*services, regional]
                        sums.append((services, prof.get((s, year, breakdown, item))))
            for parts, whole in sums:
                if parts and whole:
                    self.equation_costs(("cost_parts", s, year, section, whole["item"]), fig(whole, "total_cost"),
                                        [fig(c, "total_cost") for c in parts])

        # 5b. all cost lines of a sheet at once: every municipal function of
        # the catalogue is an unknown of its own (a listed service's line is
        # its figure, an unlisted one of a complete list is known to be 0),
        # the region's cost another; each area of both vocabularies, each
        # cost type and the municipal cost is a sum of them
        # (a function outside the analysis carries no cost: the outsider knows it)
        municipal_functions = [f for f, r in functions.items()
                               if r["sector"] == "municipal" and r["is_relevant"] == "true"]
        for s, year in {(key[0], key[1]) for key in prof}:
            listed = {r["item"]: r for r in lines_of[(s, year, "top_services")]}
            complete = complete_list(s, year)
            atoms = {}
            for f in municipal_functions:
                if f in listed:
                    atoms[f] = fig(listed[f], "total_cost")
                elif not complete:
                    atoms[f] = (("function_cost", s, year, f), None)  # never published
            regional = prof.get((s, year, "summary", "regional_cost"))
            municipal = prof.get((s, year, "summary", "municipal_cost"))
            if regional is None or municipal is None:
                continue
            self.equation_costs(("functions_in_municipal_cost", s, year), fig(municipal, "total_cost"),
                                list(atoms.values()))
            for column in ("area_stevns", "area_skanderborg", "cost_type"):
                breakdown = "cost_type" if column == "cost_type" else "area_cost_" + column[5:]
                for line in lines_of[(s, year, breakdown)]:
                    item = line["item"]
                    parts = [a for f, a in atoms.items() if functions[f][column] == item]
                    if sector_of.get((breakdown, item)) == "regional" or (
                            column == "cost_type" and item in regional_types):
                        if column == "cost_type" and len(regional_types) > 1:
                            continue
                        parts.append(fig(regional, "total_cost"))
                    self.exact_equations.append((fig(line, "total_cost"), parts, ("functions_in_line", s, year)))

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
                                      fig(w, "n_units"), [fig(r, "n_units")], exact=False)
                    # overlaps with a third segment
                    for (y, a, b), r in overlap.items():
                        if y != year or b != part:
                            continue
                        w = overlap.get((year, a, whole))
                        if w:
                            self.equation("overlap_against_subset", (year, a, whole, part),
                                          fig(w, "n_units_in_both"), [fig(r, "n_units_in_both")], exact=False)
        for year, found in partitions.items():
            for whole, parts in found:
                for line, w in lines[(whole, year)].items():
                    cells = [lines[(p, year)].get(line) for p in parts]
                    if any(c is None for c in cells):
                        continue
                    self.equation("partition", (whole, year, *line), fig(w, "n_units"),
                                  [fig(c, "n_units") for c in cells], exact=True)
                    # a line no unit of the whole is on says its parts are empty anyway
                    if w["n_units"] != 0 or w["total_cost"] != 0:
                        self.equation_costs(("partition_cost", whole, year, *line), fig(w, "total_cost"),
                                            [fig(c, "total_cost") for c in cells])
                for a in segments_by_year[year]:
                    w = overlap.get((year, a, whole))
                    cells = [overlap.get((year, a, p)) for p in parts]
                    if w and all(cells):
                        self.equation("overlap_partition", (year, a, whole), fig(w, "n_units_in_both"),
                                      [fig(c, "n_units_in_both") for c in cells], exact=True)
                        self.equation_costs(("overlap_partition_cost", year, a, whole), fig(w, "cost_in_both"),
                                            [fig(c, "cost_in_both") for c in cells])

        # 7. an overlap pair against the diagonals; a co-occurrence pair likewise
        for (year, a, b), r in overlap.items():
            if a != b:
                self.equation("overlap_against_diagonal", (year, a, b),
                              fig(overlap[(year, a, a)], "n_units_in_both"), [fig(r, "n_units_in_both")],
                              exact=False)
        for (pop, year, f, g), r in co.items():
            if f != g:
                self.equation("cooccurrence_against_diagonal", (pop, year, f, g),
                              fig(co[(pop, year, f, f)], "n_units"), [fig(r, "n_units")], exact=False)

        # 8. nested top groups, the population, municipal plus regional
        nested = defaultdict(list)
        for r in conc:
            nested[(r["analysis_year"], r["population"], r["cost_scope"])].append(r)
        for key, groups in nested.items():
            for smaller, larger in itertools.pairwise(groups):
                self.equation("nested_top_groups", (*key, smaller["top_percent"]), fig(larger, "n_units"),
                              [fig(smaller, "n_units")], exact=False)
            self.equation("top_group_in_population", key, fig(groups[-1], "population_size"),
                          [fig(groups[-1], "n_units")], exact=False)
        for (year, pop, scope), groups in nested.items():
            if scope == "total":
                scopes = [nested.get((year, pop, s)) for s in ("municipal", "regional")]
                if all(scopes):
                    self.equation_costs(("population_scopes", year, pop), fig(groups[0], "population_cost"),
                                        [fig(scope[0], "population_cost") for scope in scopes])
        for r in tso:
            for column in ("n_top_municipal", "n_top_regional"):
                self.equation("top_spenders_in_group", (r["analysis_year"], r["population"], r["top_percent"]),
                              fig(r, column), [fig(r, "n_in_both")], exact=False)

        # 9. one unit's figure: a cut-off not rounded, a cost one unit dominates
        for r in conc:
            if r["threshold_cost"] is not None and float(r["threshold_cost"]) % self.rounding:
                self.found("one_unit_threshold_published", r["analysis_year"], r["population"], r["top_percent"])
        self.dominance(prof, overlap, members, catalogue)
        self.lines_equal_to_segments(prof, members)
        self.joint()
        return self.findings

    def joint(self) -> None:
        """All exact equations at once (Gaussian elimination, not one at a
        time): a withheld figure is recovered when it is fixed by them, that
        is when its unit vector lies in the row space of the equations over
        the withheld figures (no zero in the null space's row of it)."""
        import numpy as np

        equations, constants = [], []
        for whole, parts, _ in self.exact_equations:
            coefficients, constant = defaultdict(float), 0.0
            for (key, value), sign in [(whole, 1.0)] + [(p, -1.0) for p in parts]:
                if value is None:
                    coefficients[key] += sign
                else:
                    constant -= sign * float(value)
            coefficients = {key: c for key, c in coefficients.items() if c}
            if coefficients:
                equations.append(coefficients)
                constants.append(constant)
        # the withheld figures that equations tie together, component by component
        parent: dict = {}

        def root(key):
            while parent.setdefault(key, key) != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        for coefficients in equations:
            first, *rest = coefficients
            for key in rest:
                parent[root(key)] = root(first)
        components = defaultdict(list)
        for coefficients, constant in zip(equations, constants):
            components[root(next(iter(coefficients)))].append((coefficients, constant))
        for found in components.values():
            unknowns = sorted({key for coefficients, _ in found for key in coefficients}, key=repr)
            column = {key: j for j, key in enumerate(unknowns)}
            matrix = np.zeros((len(found), len(unknowns)))
            for i, (coefficients, _) in enumerate(found):
                for key, c in coefficients.items():
                    matrix[i, column[key]] = c
            _, singular, rows_t = np.linalg.svd(matrix)
            rank = int((singular > 1e-9 * max(1.0, singular[0])).sum())
            null_space = rows_t[rank:]
            solution = np.linalg.lstsq(matrix, np.array([c for _, c in found]), rcond=None)[0]
            for key, j in column.items():
                if not null_space.size or np.abs(null_space[:, j]).max() < 1e-9:
                    self.recovered[key] = value = round(float(solution[j]), 2)
                    # a figure fixed at 0 follows from a published zero (a
                    # line no unit of a containing segment is on, disjoint
                    # segments' overlap): it says no more than that zero
                    if value != 0 and (key[0] != "function_cost" or self.sensitive_function_cost(*key[1:])):
                        self.found("jointly_recovered", *key)

    def sensitive_function_cost(self, segment, year, function) -> bool:
        """A segment's cost of one function, never published: whether 1 to
        k - 1 units carry it, or one unit dominates it."""
        if self.function_costs is None:
            self.function_costs = defaultdict(list)
            for s, y, f, cost in self.con.execute(
                    "select members.segment_id, members.analysis_year, services.function_number,"
                    " services.service_cost from restricted.segment_members as members"
                    " inner join intermediate.int_unit_services as services"
                    " on members.population = services.population and members.unit_id = services.unit_id"
                    " and members.analysis_year = services.analysis_year").fetchall():
                self.function_costs[(s, y, f)].append(abs(float(cost)))
        costs = self.function_costs.get((segment, year, function), [])
        return self.small(len(costs)) or (sum(costs) > 0 and max(costs) > self.share * sum(costs))

    def equation_costs(self, where, whole_figure, part_figures) -> None:
        """Costs that add up exactly: one withheld part, or the whole from its parts, is recovered."""
        self.exact_equations.append((whole_figure, list(part_figures), where))
        whole, parts = whole_figure[1], [p[1] for p in part_figures]
        unknown = [p for p in parts if p is None]
        if whole is not None and len(unknown) == 1:
            self.found(where[0] + "_part_recovered", *where[1:])
        if whole is None and parts and not unknown:
            self.found(where[0] + "_whole_recovered", *where[1:])

    def unit_costs(self) -> dict:
        """(unit, year) -> total cost, of every citizen and family."""
        if self._unit_costs is None:
            self._unit_costs = {}
            for table, key in (("person_costs", "person_id"), ("family_costs", "family_id")):
                for unit, year, cost in self.con.execute(
                        f"select {key}, analysis_year, total_cost from restricted.{table}").fetchall():
                    self._unit_costs[(unit, year)] = float(cost)
        return self._unit_costs

    def lines_equal_to_segments(self, prof, members) -> None:
        """A line of a sheet that counts exactly another segment's units (the women
        of a segment and its sub-segment of women): the outsider who knows the rules
        reads the one off the other, so each pair is one figure twice (for the joint
        attack), and a published line of a withheld segment is a finding. Which lines
        those are is the rules' knowledge; the audit finds them as the lines whose
        exact count and cost are a segment's."""
        costs = self.unit_costs()
        sizes = {}
        for (s, year, section, item) in prof:
            if (section, item) == ("summary", "units"):
                units = members.get((year, s), set())
                if units:
                    sizes[(year, len(units), round(sum(costs.get((u, year), 0.0) for u in units), 2))] = s
        exact = self.con.execute(
            "select segment_id, analysis_year, section, item, n_units, cast(total_cost as double)"
            " from intermediate.int_segment_profile_cells"
            " where cost_measure = 'total_cost' and cell_id <> segment_cell_id and n_units > 0"
        ).fetchall()
        for s, year, section, item, n_units, total_cost in exact:
            segment = sizes.get((year, n_units, round(total_cost, 2)))
            line = prof.get((s, year, section, item))
            if segment is None or segment == s or line is None:
                continue
            units = prof[(segment, year, "summary", "units")]
            self.same(fig(line, "n_units"), fig(units, "segment_size"))
            self.same(fig(line, "total_cost"), fig(units, "total_cost"))
            if units["segment_size"] is None and line["n_units"] is not None:
                self.found("line_equals_withheld_segment", s, year, section, item, segment)

    def dominance(self, prof, overlap, members, catalogue) -> None:
        costs = {key: abs(cost) for key, cost in self.unit_costs().items()}

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
