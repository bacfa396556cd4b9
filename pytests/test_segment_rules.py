"""Unit tests of the segment catalogue's real rules, one per rule family.

The rules live in the catalogue (config.meta.segment of the models
segment_<id>); int_segment_members is generated from it when dbt executes.
dbt's own unit tests cannot see the catalogue (they compile against a
manifest without the other models), so these tests run the model's compiled
SQL from the session build against hand-made feature rows, with every other
feature null, and expect every membership the rows produce in any segment
but the reference segments (a whole population, which every row is in;
test_reference_segments_hold_every_unit).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def run_rules(build, warehouse):
    import duckdb

    compiled = (
        build.target_dir / "compiled" / "welfare_segments" / "models" / "intermediate" / "segments"
        / "int_segment_members.sql"
    ).read_text()
    database = re.search(r'"([^"]+)"\."intermediate"\."int_person_features"', compiled).group(1)

    def run(persons: list[dict], families: list[dict]) -> set[tuple[str, str]]:
        con = duckdb.connect()
        con.execute(f"attach '{build.warehouse}' as built (read_only)")
        con.execute(f'attach \':memory:\' as "{database}"')
        con.execute(f'create schema "{database}".intermediate')
        for table, rows in (("int_person_features", persons), ("int_family_features", families)):
            con.execute(
                f'create table "{database}".intermediate.{table} as '
                f"select * from built.intermediate.{table} limit 0"
            )
            if rows:
                frame = pd.DataFrame(rows)  # noqa: F841 (read by DuckDB)
                con.execute(f'insert into "{database}".intermediate.{table} by name select * from frame')
        # the reference segments (whole populations) hold every unit: left out
        members = con.execute(
            f"select segment_id, unit_id from ({compiled}) where segment_id not in "
            "(select segment_id from built.analytics.segment_catalogue where is_reference)"
        ).fetchall()
        con.close()
        return set(members)

    return run


def person(person_id: str, **features) -> dict:
    return {"person_id": person_id, "family_id": features.pop("family_id", "x"), "analysis_year": 2025, **features}


def family(family_id: str, **features) -> dict:
    return {"family_id": family_id, "analysis_year": 2025, **features}


def test_ages_on_the_boundaries_and_split_by_sex(run_rules):
    """Teenagers are 13-17, young adults 18-29, the merged 2+3 13-29; 2f/2m split 2 by sex."""
    psych = {"has_psychiatric_contact_or_psychologist": True}
    persons = [
        person("p12", sex="F", age_at_reference_date=12, **psych),
        person("p13", sex="F", age_at_reference_date=13, **psych),
        person("p17", sex="M", age_at_reference_date=17, **psych),
        person("p18", sex="F", age_at_reference_date=18, **psych),
        person("p29", sex="M", age_at_reference_date=29, receives_transfer_income=True, **psych),
        person("p30", sex="F", age_at_reference_date=30, **psych),
        person("n15", sex="F", age_at_reference_date=15, has_psychiatric_contact_or_psychologist=False),
    ]
    assert run_rules(persons, []) == {
        ("s02", "p13"), ("s02f", "p13"), ("s23", "p13"),
        ("s02", "p17"), ("s02m", "p17"), ("s23", "p17"),
        ("s03", "p18"), ("s23", "p18"),
        ("s03", "p29"), ("s03a", "p29"), ("s23", "p29"), ("s23a", "p29"),
    }


def test_single_men_50_to_65_and_the_sub_segment_needs_its_parent(run_rules):
    """50 and 65 are in segment 1, 49 and 66 not; a single father counts as single; 1a (+ chronic disease) only
    inside segment 1."""
    single_on_transfer = {"is_single": True, "receives_transfer_income": True}
    persons = [
        person("m49", sex="M", age_at_reference_date=49, n_chronic_conditions=1, **single_on_transfer),
        person("m50", sex="M", age_at_reference_date=50, n_chronic_conditions=0, **single_on_transfer),
        person("m65", sex="M", age_at_reference_date=65, n_chronic_conditions=2, **single_on_transfer),
        person("m66", sex="M", age_at_reference_date=66, n_chronic_conditions=2, **single_on_transfer),
        # a woman, or a man who does not live alone, with the same features: neither 1 nor 1a
        person("w55", sex="F", age_at_reference_date=55, n_chronic_conditions=1, **single_on_transfer),
        person("c55", sex="M", age_at_reference_date=55, n_chronic_conditions=1, is_single=False,
               receives_transfer_income=True),
        person("sp55", sex="M", age_at_reference_date=55, is_single=False, is_in_single_provider_family=True,
               receives_transfer_income=True),
    ]
    assert run_rules(persons, []) == {("s01", "m50"), ("s01", "m65"), ("s01a", "m65"), ("s01", "sp55")}


def test_substance_abuse_and_dual_diagnosis(run_rules):
    """4a (dual diagnosis) needs the abuse of segment 4; B9 needs treatment, not a diagnosis alone."""
    persons = [
        person("psy", age_at_reference_date=40, has_substance_abuse=False, has_psychiatric_disorder=True),
        person("dia", age_at_reference_date=40, has_substance_abuse=True, has_addiction_treatment=False),
        person("dual", age_at_reference_date=40, has_substance_abuse=True, has_psychiatric_disorder=True,
               has_addiction_treatment=True),
    ]
    assert run_rules(persons, []) == {("s04", "dia"), ("s04", "dual"), ("s04a", "dual"), ("b9", "dual")}


def test_skanderborg_citizen_service_patterns(run_rules):
    """B1-B8 combine services; one of the pair alone is not enough; B6 is 16-22."""
    persons = [
        person("b1", age_at_reference_date=40, receives_housing_support=True, has_activity_offer=True),
        person("b1no", age_at_reference_date=40, receives_housing_support=False, has_activity_offer=True),
        person("b3", age_at_reference_date=70, has_personal_practical_help=True, receives_transfer_income=True),
        person("flex", age_at_reference_date=40, in_flex_job=True, has_activation_mentor=False),
        person("flexm", age_at_reference_date=40, in_flex_job=True, has_activation_mentor=True),
        person("pl15", age_at_reference_date=15, is_placed=True),
        person("pl16", age_at_reference_date=16, is_placed=True),
        person("pl22", age_at_reference_date=22, is_placed=True),
        person("pl23", age_at_reference_date=23, is_placed=True),
        person("nfa", age_at_reference_date=45, has_no_fixed_address=True),
        person("b8", age_at_reference_date=35, in_resource_course=True, receives_housing_support=True),
    ]
    assert run_rules(persons, []) == {
        ("b1", "b1"), ("b3", "b3"), ("b4", "flexm"), ("b6", "pl16"), ("b6", "pl22"), ("b7", "nfa"), ("b8", "b8"),
    }


def test_child_welfare_case_in_a_sibling_and_sub_segments(run_rules):
    """A parent's transfer and a sibling's child-welfare case make segment 6; + a chronic disease 6a, 7, 7a."""
    persons = [
        person("a1", family_id="A", is_child=False, age_at_reference_date=40, receives_transfer_income=True),
        person("a2", family_id="A", is_child=True, age_at_reference_date=9, has_child_welfare_case=True),
        person("a3", family_id="A", is_child=True, age_at_reference_date=12, has_child_welfare_case=False),
        person("b1", family_id="B", is_child=False, age_at_reference_date=35, receives_transfer_income=True),
        person("b2", family_id="B", is_child=True, age_at_reference_date=7, has_child_welfare_case=True),
        # a child-welfare case without a transfer income: segment 7 only with a chronic disease
        person("c1", family_id="C", is_child=False, age_at_reference_date=35, receives_transfer_income=False),
        person("c2", family_id="C", is_child=True, age_at_reference_date=5, has_child_welfare_case=True),
    ]
    families = [
        family("A", has_children=True, n_member_chronic_conditions=0),
        family("B", has_children=True, n_member_chronic_conditions=1),
        family("C", has_children=True, n_member_chronic_conditions=1),
    ]
    assert run_rules(persons, families) == {
        ("s06", "A"),
        ("s06", "B"), ("s06a", "B"), ("s07", "B"), ("s07a", "B"),
        ("s07", "C"),
    }


def test_family_conditions_need_children_where_the_rule_says_so(run_rules):
    """Segment 5 needs children; 10a is 10 with children; 8 needs children and 8a the dual diagnosis."""
    persons = [
        person("d1", family_id="D", is_child=False, age_at_reference_date=60, has_chronic_pain=True),
        person("e1", family_id="E", is_child=False, age_at_reference_date=38, has_chronic_pain=True,
               has_anxiety_depression=True),
        person("e2", family_id="E", is_child=True, age_at_reference_date=4),
        person("g1", family_id="G", is_child=False, age_at_reference_date=30, has_anxiety_depression=True,
               has_substance_abuse=True, has_psychiatric_disorder=True),
        person("h1", family_id="H", is_child=False, age_at_reference_date=33, has_substance_abuse=True),
        person("h2", family_id="H", is_child=False, age_at_reference_date=30, has_psychiatric_disorder=True),
        person("h3", family_id="H", is_child=True, age_at_reference_date=3),
        person("y1", family_id="Y", is_child=False, age_at_reference_date=29, has_substance_abuse=True,
               has_psychiatric_disorder=True),
        person("y2", family_id="Y", is_child=True, age_at_reference_date=1),
    ]
    families = [
        family("D", has_children=False),
        family("E", has_children=True),
        family("G", has_children=False),
        family("H", has_children=True),
        family("Y", has_children=True),
    ]
    assert run_rules(persons, families) == {
        ("s05", "E"), ("s10", "E"), ("s10a", "E"),
        ("s10", "G"),
        # 8a: the abuse and the psychiatric disorder must be the same member's
        ("s08", "H"), ("s08", "Y"), ("s08a", "Y"),
        # the members are citizens too
        ("s04", "g1"), ("s04a", "g1"), ("s04", "h1"), ("s04", "y1"), ("s04a", "y1"),
    }


def test_skanderborg_family_rules_by_member_role(run_rules):
    """F7 needs the benefit in an adult and a child in the family; F10 a young and an older member on cash benefit;
    F1 an adult on transfers and a child (not the adult) with children services; F6 a placed child."""
    persons = [
        person("f1", family_id="F", is_child=False, age_at_reference_date=31, has_cash_benefit=True),
        person("f2", family_id="F", is_child=True, age_at_reference_date=2),
        person("g1", family_id="G", is_child=False, age_at_reference_date=45, has_cash_benefit=False),
        person("g2", family_id="G", is_child=True, age_at_reference_date=16, has_cash_benefit=True),
        person("h1", family_id="H", is_child=False, age_at_reference_date=52, has_cash_benefit=True),
        person("h2", family_id="H", is_child=False, age_at_reference_date=20, has_cash_benefit=True),
        person("i1", family_id="I", is_child=False, age_at_reference_date=40, receives_transfer_income=True,
               has_skanderborg_boern_unge=True),
        person("i2", family_id="I", is_child=True, age_at_reference_date=6, has_skanderborg_boern_unge=False),
        person("j1", family_id="J", is_child=False, age_at_reference_date=40, receives_transfer_income=True),
        person("j2", family_id="J", is_child=True, age_at_reference_date=17, has_skanderborg_boern_unge=True,
               is_placed=True),
    ]
    families = [
        family("F", has_children=True),
        family("G", has_children=True),
        family("H", has_children=False),
        family("I", has_children=True),
        family("J", has_children=True),
    ]
    assert run_rules(persons, families) == {
        ("f7", "F"), ("f10", "H"), ("f1", "J"), ("f6", "J"),
        # the placed child is a citizen of B6 too
        ("b6", "j2"),
    }


def test_more_citizen_and_family_service_patterns(run_rules):
    """B2 and B5 need every service of the rule; 9, 11 and their sub-segments follow a member's feature; F2 needs
    the adult's and the child's services in different members' roles; F3 all four; F4 both measures in one child;
    F5 housing support and a child-welfare case; F8 a member aged 16-22 with both kinds of services; F9 children
    and an integration programme with a children's or employment service."""
    persons = [
        person("b2", age_at_reference_date=50, receives_housing_support=True, has_personal_practical_help=True),
        person("b2no", age_at_reference_date=50, receives_housing_support=True, has_personal_practical_help=False),
        person("b5", age_at_reference_date=19, has_activation_mentor=True, in_integration_programme=True,
               has_special_youth_education=True),
        person("b5no", age_at_reference_date=19, has_activation_mentor=True, in_integration_programme=True),
        # 9 and 9a: a disabled child and, in K, a parent on a transfer income
        person("k1", family_id="K", is_child=False, age_at_reference_date=41, receives_transfer_income=True),
        person("k2", family_id="K", is_child=True, age_at_reference_date=8, has_child_disability=True),
        person("l1", family_id="L", is_child=True, age_at_reference_date=8, has_child_disability=True),
        # 11 and 11a: the injured member is on the transfer income himself
        person("m1", family_id="M", is_child=False, age_at_reference_date=58, has_acquired_brain_injury=True,
               receives_transfer_income=True),
        # F2: the adult's and the child's services; in N2 the child has the adult services only
        person("n1", family_id="N", is_child=False, age_at_reference_date=44, has_skanderborg_handicap=True),
        person("n2", family_id="N", is_child=True, age_at_reference_date=9, has_skanderborg_boern_unge=True),
        person("o1", family_id="O", is_child=False, age_at_reference_date=44, has_skanderborg_boern_unge=True),
        person("o2", family_id="O", is_child=True, age_at_reference_date=9, has_skanderborg_handicap=True),
        # F3: all four, spread over members
        person("q1", family_id="Q", is_child=False, age_at_reference_date=39, receives_transfer_income=True,
               receives_housing_support=True),
        person("q2", family_id="Q", is_child=True, age_at_reference_date=12, has_skanderborg_boern_unge=True,
               has_preventive_measures=True),
        # F4 needs both measures in the same child: R has them in two children
        person("r1", family_id="R", is_child=True, age_at_reference_date=10, has_special_education=True),
        person("r2", family_id="R", is_child=True, age_at_reference_date=12, has_preventive_measures=True),
        person("t1", family_id="T", is_child=True, age_at_reference_date=10, has_special_education=True,
               has_preventive_measures=True),
        # F8: aged 22 (in) in U, aged 23 (out) in V
        person("u1", family_id="U", is_child=False, age_at_reference_date=22, has_skanderborg_boern_unge=True,
               has_skanderborg_handicap=True),
        person("v1", family_id="V", is_child=False, age_at_reference_date=23, has_skanderborg_boern_unge=True,
               has_skanderborg_handicap=True),
        # F9: needs children (W has, X has not)
        person("w1", family_id="W", is_child=False, age_at_reference_date=33, in_integration_programme=True,
               has_skanderborg_beskaeftigelse_sundhed=True),
        person("x1", family_id="X", is_child=False, age_at_reference_date=33, in_integration_programme=True,
               has_skanderborg_beskaeftigelse_sundhed=True),
    ]
    families = [family(f, has_children=f not in ("M", "U", "V", "X")) for f in "KLMNOQRTUVWX"]
    assert run_rules(persons, families) == {
        ("b2", "b2"), ("b5", "b5"),
        ("s09", "K"), ("s09a", "K"), ("s09", "L"),
        ("s11", "M"), ("s11a", "M"),
        ("f2", "N"),
        # Q: F3; its housing support and preventive measures make F5, its adult's transfer and its child's
        # children's services F1
        ("f3", "Q"), ("f5", "Q"), ("f1", "Q"),
        ("f4", "T"),
        ("f8", "U"),
        ("f9", "W"),
    }


def test_every_catalogue_segment_has_a_rule_tested_here(warehouse):
    """Every catalogue entry (a municipality's own ones included) needs a rule test here; so must the ones above."""
    ids = {row[0] for row in warehouse.execute("select segment_id from analytics.segment_catalogue").fetchall()}
    tested = {"s01", "s01a", "s02", "s02f", "s02m", "s03", "s03a", "s23", "s23a", "s04", "s04a", "s05", "s06",
              "s06a", "s07", "s07a", "s08", "s08a", "s09", "s09a", "s10", "s10a", "s11", "s11a",
              "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9",
              "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10",
              # test_reference_segments_hold_every_unit
              "all_citizens", "all_families", "families_with_children"}
    assert ids == tested, (ids - tested, tested - ids)


def test_reference_segments_hold_every_unit(build, warehouse):
    """all_citizens is the population, all_families every family, families_with_children those with children."""
    sizes = dict(warehouse.execute(
        "select segment_id, count(*) from restricted.segment_members "
        "where segment_id in (select segment_id from analytics.segment_catalogue where is_reference) group by 1"
    ).fetchall())
    expected = warehouse.execute(
        """
        select (select count(*) from restricted.person_costs where is_in_population),
               (select count(*) from restricted.family_costs),
               (select count(*) from restricted.family_costs where has_children)
        """
    ).fetchone()
    assert (sizes["all_citizens"], sizes["all_families"], sizes["families_with_children"]) == expected


def test_cooccurrence_shows_health_indicators_beside_the_services(warehouse):
    """The co-occurrence matrix of complex citizens holds the health
    indicators of Stevns' workshop matrix; a published count of a condition
    and of a condition with a service equals the complex citizens of the
    population with it, counted here from their conditions and services."""
    published = warehouse.execute(
        """
        select analysis_year, function_number, other_function_number, n_units
        from analytics.service_cooccurrence
        where population = 'citizens' and function_number = 'health.substance_abuse'
            and (other_function_number = function_number or other_function_number not like 'health.%')
            and not is_suppressed
        """
    ).fetchall()
    indicators = {row[0] for row in warehouse.execute(
        "select distinct function_number from analytics.service_cooccurrence where function_number like 'health.%'"
    ).fetchall()}
    assert {"health.psychiatry", "health.one_chronic_condition", "health.acute_contacts"} <= indicators
    assert published, "no published cell of substance abuse to check"
    for year, indicator, other, n_units in published:
        expected = warehouse.execute(
            """
            select count(distinct complex_citizens.person_id)
            from restricted.complex_citizens
            -- citizens of the year's population (the matrix's units)
            inner join intermediate.int_families_formed as population
                on complex_citizens.person_id = population.person_id
                and complex_citizens.analysis_year = population.analysis_year
            inner join intermediate.int_person_conditions as conditions
                on complex_citizens.person_id = conditions.person_id
                and complex_citizens.analysis_year = conditions.analysis_year
                and conditions.condition_code = 'substance_abuse'
            left join intermediate.int_person_services as services
                on complex_citizens.person_id = services.person_id
                and complex_citizens.analysis_year = services.analysis_year
                and services.function_number = ?
            where complex_citizens.analysis_year = ?
                and (? = 'health.substance_abuse' or services.function_number is not null)
            """,
            [other, year, other],
        ).fetchone()[0]
        assert n_units == expected, (year, other)


def test_profile_lines_of_women_family_size_departments_and_both_top_lists(warehouse):
    """The profile lines the published sheets have beside the others, computed
    here again from the segments' members, the register and the deliveries:
    women (citizens' sheets), the family-size bands (families' sheets), the
    departments behind the mean number of departments, and the top services
    as the most frequent and the most expensive lists together."""
    import collections

    from pytests.disclosure_audit import project_vars

    settings = project_vars()
    top, sizes = settings["profile_top_services"], settings["profile_family_size_bands"]

    def frame(sql: str) -> pd.DataFrame:
        return warehouse.execute(sql).df()

    cells = frame(
        "select segment_id, population, analysis_year, section, item, n_units, count_sum, top_list "
        "from intermediate.int_segment_profile_cells"
    )
    members = frame(
        "select segment_id, population, unit_id, analysis_year from restricted.segment_members "
        "where segment_id not in (select segment_id from analytics.segment_catalogue where is_reference)"
    )
    register = frame("select person_id, family_id, analysis_year, sex from intermediate.int_families_formed")
    years = frame("select analysis_year, year_start_date, year_end_date from intermediate.int_analysis_years")
    relevant = pd.read_csv(REPO / "seeds" / "function_catalogue.csv", dtype=str)
    relevant = set(relevant.loc[relevant["is_relevant"] == "true", "account_function"])
    deliveries = frame(
        "select person_id, function_number, department, period_start_date, period_end_date "
        "from intermediate.int_service_deliveries_validated where not is_rejected and department is not null"
    ).merge(years, how="cross")
    # a service outside the analysis (schools, day care) grants no department of the sheet
    deliveries = deliveries[deliveries.function_number.isin(relevant)]
    deliveries = deliveries[(deliveries.period_start_date <= deliveries.year_end_date)
                            & (deliveries.period_end_date >= deliveries.year_start_date)]
    services = frame("select population, unit_id, analysis_year, function_number, service_cost "
                     "from intermediate.int_unit_services")
    assert deliveries.department.nunique() > 1, "no departments in the deliveries"

    # each unit's departments: a citizen's own, a family's over its members
    persons = deliveries.merge(register, on=["person_id", "analysis_year"])
    departments = collections.defaultdict(set)
    for row in persons.itertuples():
        departments[("citizens", row.person_id, row.analysis_year)].add(row.department)
        if isinstance(row.family_id, str):
            departments[("families", row.family_id, row.analysis_year)].add(row.department)
    women = {(r.person_id, r.analysis_year) for r in register.itertuples() if r.sex == "F"}
    family_size = register.dropna(subset=["family_id"]).groupby(["family_id", "analysis_year"]).size().to_dict()

    def size_band(size: int) -> str:
        lower = max(b for b in sizes if b <= size)
        return f"{lower}+" if lower == sizes[-1] else str(lower)

    published = {(r.segment_id, r.analysis_year, r.section, r.item): r for r in cells.itertuples()}
    checked = collections.Counter()
    for (segment, population, year), units in members.groupby(["segment_id", "population", "analysis_year"]):
        units = list(units.unit_id)
        line = published[(segment, year, "summary", "departments")]
        assert line.count_sum == sum(len(departments[(population, u, year)]) for u in units), segment
        if population == "citizens":
            assert published[(segment, year, "summary", "women")].n_units == sum((u, year) in women for u in units)
            assert (segment, year, "family_size_band", "2") not in published
        else:
            assert (segment, year, "summary", "women") not in published
            bands = collections.Counter(size_band(family_size[(u, year)]) for u in units)
            for band in {size_band(b) for b in sizes}:
                assert published[(segment, year, "family_size_band", band)].n_units == bands[band], (segment, band)
        received = services[(services.population == population) & (services.analysis_year == year)
                            & services.unit_id.isin(units)].groupby("function_number").agg(
            n=("unit_id", "count"), cost=("service_cost", "sum")).reset_index()
        frequent = set(received.sort_values(["n", "cost", "function_number"], ascending=[False, False, True])
                       .function_number[:top])
        expensive = set(received.sort_values(["cost", "n", "function_number"], ascending=[False, False, True])
                        .function_number[:top])
        expected = {f: "both" if f in frequent and f in expensive else
                    "most_frequent" if f in frequent else "most_expensive" for f in frequent | expensive}
        listed = {r.item: r.top_list for r in cells[(cells.segment_id == segment) & (cells.analysis_year == year)
                                                    & (cells.section == "top_services")].itertuples()}
        assert listed == expected, segment
        checked[population] += 1
        checked["lists with an expensive-only service"] += "most_expensive" in expected.values()
    assert checked["citizens"] and checked["families"] and checked["lists with an expensive-only service"], checked
