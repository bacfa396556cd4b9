"""What the engine tests share: the marts compared across engines, and how.

Each engine has its own test file (test_engines_postgres.py,
test_engines_spark.py), so the two slow builds run on two workers at once.
"""

from __future__ import annotations

import duckdb
import pandas as pd

# mart -> key columns; every other column is compared
KEY_MARTS = {
    "audit.allocation_reconciliation": ["analysis_year", "function_number", "cost_centre"],
    "restricted.person_costs": ["person_id", "analysis_year"],
    "restricted.family_costs": ["family_id", "analysis_year"],
    "analytics.cost_concentration": ["analysis_year", "population", "cost_scope", "top_percent"],
    "analytics.top_spender_overlap": ["analysis_year", "population", "top_percent"],
    "analytics.allocation_coverage": ["analysis_year"],
    "quarantine.rejected_rows": ["source_table", "source_row_number"],
    "restricted.segment_members": ["segment_id", "unit_id", "analysis_year"],
    "analytics.segment_catalogue": ["segment_id"],
    "analytics.segment_profiles": ["segment_id", "analysis_year", "section", "item"],
    "analytics.segment_overlap": ["analysis_year", "segment_id", "other_segment_id"],
    "analytics.service_cooccurrence": ["population", "analysis_year", "function_number", "other_function_number"],
}

def duckdb_frame(build, table: str) -> pd.DataFrame:
    with duckdb.connect(str(build.warehouse), read_only=True) as con:
        return con.execute(f"select * from {table}").df()


def assert_same_mart(left: pd.DataFrame, right: pd.DataFrame, keys: list[str], name: str) -> None:
    assert sorted(left.columns) == sorted(right.columns), name
    assert len(left) == len(right), name
    left = left.sort_values(keys).reset_index(drop=True)
    right = right[left.columns].sort_values(keys).reset_index(drop=True)
    for column in left.columns:
        a, b = left[column], right[column]
        both_null = a.isna() & b.isna()
        if pd.api.types.is_bool_dtype(a):
            different = ~both_null & (a.astype(object) != b.astype(object))
        elif pd.api.types.is_numeric_dtype(a):
            # kroner, counts and shares: equal to the øre
            gap = (pd.to_numeric(a, errors="coerce") - pd.to_numeric(b, errors="coerce")).abs()
            different = ~both_null & ~(gap <= 0.005)
        else:
            different = ~both_null & (a.astype(str) != b.astype(str))
        assert not different.any(), f"{name}.{column}: {int(different.sum())} rows differ, e.g. {left[different].head(3).to_dict('records')}"


