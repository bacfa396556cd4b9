"""A great-expectations validation suite over the marts of a built warehouse.

Each mart is read with the DuckDB Python API (read-only) into a pandas
DataFrame and validated through GX's *pandas* datasource: GX's SQL datasource
does not resolve metrics against DuckDB through duckdb_engine (see
shared/design/ENGINES.md). Invariants that span columns or rows (the shares
of allocation coverage summing to 1, concentration shares growing with
top_percent, a person's total = municipal + regional) are computed as extra
columns in pandas first and then expected like any other column.

The GX context is ephemeral (in memory): nothing is written except the data
docs site, which lands in `docs_dir` (`docs_dir/index.html`). Usage
statistics are switched off; GX needs no network.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

# Float slack for shares (0-1) and for sums of shares.
SHARE_SLACK = 1e-9
# Kroner: reconciliation differences and person cost splits (var reconciliation_tolerance).
KRONER_TOLERANCE = 0.01
# A person's municipal cost may be negative (refunds, corrections), but never below this.
MIN_MUNICIPAL_COST = -50_000
# Negative person totals must be rare: at least this share of rows has total_cost >= 0.
NON_NEGATIVE_TOTAL_MOSTLY = 0.999

# Integer dtypes as GX names them for pandas: numpy's, and pandas' nullable ones
# by class name (a nullable integer column arrives as Int64 when it has nulls,
# e.g. counts withheld as small cells).
_INTEGER_BITS = ("8", "16", "32", "64")
INTEGER_DTYPES = [
    *(f"{sign}int{bits}" for sign in ("", "u") for bits in _INTEGER_BITS),
    *(f"{sign}Int{bits}Dtype" for sign in ("", "U") for bits in _INTEGER_BITS),
]

DOCS_SITE = "welfare_marts"

# Person-level marts (schema restricted): GX returns counts only, never a
# value, so neither the data docs nor the summary can show a person's cost.
PERSON_LEVEL_SCHEMAS = ("restricted",)
PERSON_LEVEL_RESULT_FORMAT = {
    "result_format": "SUMMARY",
    "partial_unexpected_count": 0,
    "include_unexpected_rows": False,
    "return_unexpected_index_query": False,
}
AGGREGATE_RESULT_FORMAT = {"result_format": "SUMMARY"}
# Keys of an expectation result that hold individual values.
VALUE_KEYS = (
    "partial_unexpected_list", "partial_unexpected_counts", "partial_unexpected_index_list",
    "unexpected_list", "unexpected_index_list", "unexpected_index_query", "unexpected_rows", "details",
)


class MartNotFoundError(LookupError):
    """A mart table is missing from the warehouse (not built?)."""


@dataclass(frozen=True)
class ExpectationOutcome:
    suite: str
    expectation: str
    column: str | None
    success: bool
    observed: Any = None
    unexpected_count: int | None = None

    def detail(self) -> str:
        if self.unexpected_count is not None:
            text = f"unexpected {self.unexpected_count}"
            if self.unexpected_count and self.observed not in (None, []):
                text += f" e.g. {self.observed}"
            return text
        if self.observed is not None:
            return f"observed {self.observed}"
        return ""


@dataclass(frozen=True)
class SuiteResult:
    suite: str
    table: str
    rows: int
    success: bool
    expectations: list[ExpectationOutcome] = field(default_factory=list)


@dataclass(frozen=True)
class ValidationSummary:
    success: bool
    suites: list[SuiteResult]
    docs_index: Path

    @property
    def outcomes(self) -> list[ExpectationOutcome]:
        return [outcome for suite in self.suites for outcome in suite.expectations]

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.success]

    def suite(self, name: str) -> SuiteResult:
        return next(suite for suite in self.suites if suite.suite == name)

    def find(self, suite: str, expectation: str, column: str | None = None) -> list[ExpectationOutcome]:
        """Outcomes of one suite by expectation type (and column, as printed)."""
        return [
            outcome
            for outcome in self.suite(suite).expectations
            if outcome.expectation == expectation and (column is None or outcome.column == column)
        ]


# --- the marts: where they live, what is derived in pandas, what is expected ---

@dataclass(frozen=True)
class Mart:
    name: str
    schemas: tuple[str, ...]  # looked up in information_schema, first found wins
    prepare: Callable[[pd.DataFrame], pd.DataFrame]
    expectations: Callable[[Any, pd.DataFrame], list]  # (gx.expectations module, frame) -> expectations


def _between(gxe, column: str, low: float | None, high: float | None, **kwargs):
    return gxe.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high, **kwargs)


def _share(gxe, column: str):
    return _between(gxe, column, -SHARE_SLACK, 1 + SHARE_SLACK)


def _not_null(gxe, *columns: str) -> list:
    return [gxe.ExpectColumnValuesToNotBeNull(column=column) for column in columns]


def _counts(gxe, *columns: str) -> list:
    """Non-negative integers: an integer dtype and no value below 0 (nulls, withheld counts, are not checked)."""
    expectations = []
    for column in columns:
        expectations.append(gxe.ExpectColumnValuesToBeInTypeList(column=column, type_list=INTEGER_DTYPES))
        expectations.append(_between(gxe, column, 0, None))
    return expectations


def _prepare_concentration(frame: pd.DataFrame) -> pd.DataFrame:
    keys = ["analysis_year", "population", "cost_scope"]
    frame = frame.sort_values([*keys, "top_percent"], kind="stable").reset_index(drop=True)
    # share_of_cost minus the share of the next smaller top_percent in the same
    # year, population and scope; NaN (not checked) for the smallest top_percent
    frame["share_of_cost_step"] = frame.groupby(keys, sort=False)["share_of_cost"].diff()
    return frame


def _at_least(gxe, column_a: str, column_b: str):
    """column_a >= column_b on every row where both are known (a withheld small cell is null)."""
    return gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=column_a, column_B=column_b, or_equal=True, ignore_row_if="either_value_is_missing"
    )


def _concentration_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        *_not_null(gxe, "analysis_year", "population", "cost_scope", "top_percent"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["analysis_year", "population", "cost_scope", "top_percent"]),
        gxe.ExpectColumnValuesToBeInSet(column="population", value_set=["citizens", "families"]),
        gxe.ExpectColumnValuesToBeInSet(column="cost_scope", value_set=["total", "municipal", "regional"]),
        _between(gxe, "top_percent", 0, 100, strict_min=True),
        *_counts(gxe, "n_units", "population_size"),
        _at_least(gxe, "population_size", "n_units"),
        _share(gxe, "share_of_cost"),
        _between(
            gxe, "share_of_cost_step", -SHARE_SLACK, None,
            description="Computed in pandas: share_of_cost minus the share of the next smaller top_percent "
                        "in the same analysis_year, population and cost_scope. A larger group never carries "
                        "a smaller share.",
        ),
    ]


def _overlap_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        *_not_null(gxe, "analysis_year", "population", "top_percent"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["analysis_year", "population", "top_percent"]),
        *_counts(gxe, "n_units", "n_top_municipal", "n_top_regional", "n_in_both"),
        _at_least(gxe, "n_top_municipal", "n_in_both"),
        _at_least(gxe, "n_top_regional", "n_in_both"),
        _share(gxe, "share_in_both"),
    ]


def _reconciliation_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        # analysis_year is null on the rows of postings whose date does not parse
        *_not_null(gxe, "function_number", "cost_centre", "cost_source", "ledger_amount", "difference"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["analysis_year", "function_number", "cost_centre"]),
        # n_quarantined_postings is a HUGEINT sum in DuckDB and arrives as float64: range only
        *[_between(gxe, column, 0, None) for column in ("n_postings", "n_quarantined_postings", "n_pool_recipients")],
        _between(
            gxe, "difference", -KRONER_TOLERANCE, KRONER_TOLERANCE,
            description="ledger - deselected - allocated - unallocated - quarantined: every krone is accounted for.",
        ),
    ]


def _prepare_coverage(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["accounted_share"] = frame["allocated_share"] + frame["unallocated_share"] + frame["quarantined_share"]
    return frame


def _coverage_expectations(gxe, frame: pd.DataFrame) -> list:
    shares = [column for column in frame.columns if column.endswith("_share") and column != "accounted_share"]
    return [
        *_not_null(gxe, "analysis_year"),
        gxe.ExpectColumnValuesToBeUnique(column="analysis_year"),
        *[_share(gxe, column) for column in shares],
        _between(
            gxe, "accounted_share", 1 - SHARE_SLACK, 1 + SHARE_SLACK,
            description="Computed in pandas: allocated_share + unallocated_share + quarantined_share = 1.",
        ),
    ]


def _prepare_person_costs(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["cost_split_difference"] = frame["total_cost"] - frame["municipal_cost"] - frame["regional_cost"]
    return frame


def _person_costs_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        *_not_null(gxe, "person_id", "analysis_year", "is_in_population", "total_cost", "municipal_cost", "regional_cost"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["person_id", "analysis_year"]),
        _between(
            gxe, "cost_split_difference", -KRONER_TOLERANCE, KRONER_TOLERANCE,
            description="Computed in pandas: total_cost - municipal_cost - regional_cost.",
        ),
        _between(
            gxe, "total_cost", 0, None, mostly=NON_NEGATIVE_TOTAL_MOSTLY,
            description="Negative person totals come only from refunds and corrections and must be rare.",
        ),
        _between(gxe, "municipal_cost", MIN_MUNICIPAL_COST, None),
        *_counts(gxe, "n_services", "n_areas"),
    ]


def _min_cell_size() -> int:
    """var min_cell_size of dbt_project.yml (the smallest published count above zero)."""
    import yaml

    project = Path(__file__).resolve().parents[1] / "dbt_project.yml"
    return int(yaml.safe_load(project.read_text())["vars"]["min_cell_size"])


def _no_small_cells(gxe, *columns: str) -> list:
    small = list(range(1, _min_cell_size()))
    return [
        gxe.ExpectColumnValuesToNotBeInSet(
            column=column, value_set=small,
            description="No published count rests on 1 to min_cell_size - 1 units: such cells are withheld.",
        )
        for column in columns
    ]


def _segment_profile_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        *_not_null(gxe, "segment_id", "analysis_year", "section", "item", "is_suppressed"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["segment_id", "analysis_year", "section", "item"]),
        *[_between(gxe, column, 0, None) for column in ("n_units", "segment_size")],
        *_no_small_cells(gxe, "n_units", "segment_size"),
        _at_least(gxe, "segment_size", "n_units"),
        _share(gxe, "share_of_segment"),
    ]


def _segment_overlap_expectations(gxe, frame: pd.DataFrame) -> list:
    return [
        *_not_null(gxe, "analysis_year", "population", "segment_id", "other_segment_id", "is_suppressed"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["analysis_year", "segment_id", "other_segment_id"]),
        _between(gxe, "n_units_in_both", 0, None),
        *_no_small_cells(gxe, "n_units_in_both"),
        _share(gxe, "share_of_segment"),
    ]


MARTS: tuple[Mart, ...] = (
    Mart("cost_concentration", ("analytics",), _prepare_concentration, _concentration_expectations),
    Mart("top_spender_overlap", ("analytics",), lambda frame: frame, _overlap_expectations),
    # may move to the schema audit: take the first schema that has it
    Mart("allocation_reconciliation", ("audit", "analytics"), lambda frame: frame, _reconciliation_expectations),
    Mart("allocation_coverage", ("analytics",), _prepare_coverage, _coverage_expectations),
    Mart("person_costs", ("restricted",), _prepare_person_costs, _person_costs_expectations),
    Mart("segment_profiles", ("analytics",), lambda frame: frame, _segment_profile_expectations),
    Mart("segment_overlap", ("analytics",), lambda frame: frame, _segment_overlap_expectations),
)


def _find_table(con, name: str, schemas: tuple[str, ...]) -> str:
    found = {
        schema
        for (schema,) in con.execute(
            "select table_schema from information_schema.tables where table_name = ? and table_schema in "
            f"({', '.join('?' for _ in schemas)})",
            [name, *schemas],
        ).fetchall()
    }
    for schema in schemas:
        if schema in found:
            return f'"{schema}"."{name}"'
    raise MartNotFoundError(f"table {name} not found in schema(s) {', '.join(schemas)}: is the warehouse built?")


def read_marts(warehouse: Path) -> dict[str, tuple[str, pd.DataFrame]]:
    """Each mart as (qualified table name, DataFrame), read with a read-only DuckDB connection."""
    import duckdb

    if not Path(warehouse).exists():
        raise FileNotFoundError(f"warehouse {warehouse} does not exist")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        frames = {}
        for mart in MARTS:
            table = _find_table(con, mart.name, mart.schemas)
            frames[mart.name] = (table, con.execute(f"select * from {table}").df())
        return frames
    finally:
        con.close()


# --- GX -------------------------------------------------------------------------

def _context(docs_dir: Path):
    os.environ["GX_ANALYTICS_ENABLED"] = "false"  # read when GX is imported and when the context starts
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        data_docs_sites={
            DOCS_SITE: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "show_cta_footer": False},
            }
        },
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _column_of(kwargs: dict) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return f"{kwargs['column_A']}>={kwargs['column_B']}" if kwargs.get("or_equal") else f"{kwargs['column_A']}>{kwargs['column_B']}"
    if "column_list" in kwargs:
        return ",".join(kwargs["column_list"])
    return None


def _outcome(suite: str, result) -> ExpectationOutcome:
    config = result.expectation_config
    details = result.result or {}
    observed = details.get("observed_value")
    if observed is None and details.get("partial_unexpected_list"):
        observed = details["partial_unexpected_list"][:3]
    unexpected = details.get("unexpected_count")
    return ExpectationOutcome(
        suite=suite,
        expectation=config.type,
        column=_column_of(config.kwargs),
        success=bool(result.success),
        observed=observed,
        unexpected_count=None if unexpected is None else int(unexpected),
    )


def _strip_values(result) -> None:
    """Drop any value list GX kept despite the result format from the returned summary."""
    for expectation_result in result.results:
        details = expectation_result.result or {}
        for key in VALUE_KEYS:
            details.pop(key, None)
        # a column aggregate (e.g. a min or max) is one person's value too
        if "observed_value" in details and not isinstance(details["observed_value"], str):
            details.pop("observed_value")


def validate(warehouse: Path, docs_dir: Path) -> ValidationSummary:
    """Validate every mart of the warehouse; write GX data docs to docs_dir (docs_dir/index.html)."""
    frames = read_marts(Path(warehouse))
    docs_dir = Path(docs_dir).resolve()
    docs_dir.mkdir(parents=True, exist_ok=True)

    context = _context(docs_dir)
    import great_expectations as gx

    datasource = context.data_sources.add_pandas("welfare_marts")
    suites: list[SuiteResult] = []
    for mart in MARTS:
        table, raw = frames[mart.name]
        frame = mart.prepare(raw)
        person_level = mart.schemas[0] in PERSON_LEVEL_SCHEMAS
        batch = datasource.add_dataframe_asset(mart.name).add_batch_definition_whole_dataframe("whole_table")
        suite = context.suites.add(gx.ExpectationSuite(name=mart.name))
        for expectation in mart.expectations(gx.expectations, frame):
            suite.add_expectation(expectation)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=mart.name, data=batch, suite=suite)
        )
        # one checkpoint per mart: a dataframe batch takes its frame from the
        # run's batch parameters, which a checkpoint shares over its definitions
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"{mart.name}_checkpoint",
                validation_definitions=[definition],
                actions=[gx.checkpoint.UpdateDataDocsAction(name="update_data_docs", site_names=[DOCS_SITE])],
                result_format=PERSON_LEVEL_RESULT_FORMAT if person_level else AGGREGATE_RESULT_FORMAT,
            )
        )
        run = checkpoint.run(batch_parameters={"dataframe": frame})
        (result,) = run.run_results.values()
        if person_level:
            _strip_values(result)
        suites.append(
            SuiteResult(
                suite=mart.name,
                table=table.replace('"', ""),
                rows=len(frame),
                success=bool(result.success),
                expectations=[_outcome(mart.name, r) for r in result.results],
            )
        )

    index = docs_dir / "index.html"
    if not index.is_file():
        raise RuntimeError(f"GX data docs were not written: {index} is missing")
    return ValidationSummary(success=all(suite.success for suite in suites), suites=suites, docs_index=index)


def format_summary(summary: ValidationSummary) -> str:
    """One line per expectation (suite, expectation, column, PASS/FAIL, detail) and a summary."""
    lines = []
    for outcome in summary.outcomes:
        lines.append(
            f"{outcome.suite:<26} {outcome.expectation:<48} {outcome.column or '-':<48} "
            f"{'PASS' if outcome.success else 'FAIL'}  {outcome.detail()}".rstrip()
        )
    failed = len(summary.failures)
    total = len(summary.outcomes)
    lines.append("")
    for suite in summary.suites:
        bad = sum(not outcome.success for outcome in suite.expectations)
        lines.append(
            f"{suite.suite:<26} {suite.table:<38} {suite.rows:>9,} rows  "
            f"{len(suite.expectations) - bad}/{len(suite.expectations)} passed"
        )
    lines.append(
        f"{'PASSED' if summary.success else 'FAILED'}: {total - failed} of {total} expectations passed, "
        f"{failed} failed, in {len(summary.suites)} suites; data docs: {summary.docs_index}"
    )
    return "\n".join(lines)
