"""Running the pipeline twice on the same input gives identical marts.

Every non-float value must be identical. Money is double precision and the
engine sums in parallel, so a float may differ in its last bits between two
runs; kroner are compared to a millionth of a krone.
"""

from __future__ import annotations

import shutil

import duckdb
import pandas as pd
from pandas.testing import assert_frame_equal

from .conftest import dbt

MART_SCHEMAS = ("restricted", "analytics", "audit", "quarantine")


def _snapshot(path) -> dict[str, pd.DataFrame]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            f"""
            select table_schema, table_name from information_schema.tables
            where table_schema in ({", ".join(f"'{s}'" for s in MART_SCHEMAS)})
            order by 1, 2
            """
        ).fetchall()
        frames = {}
        for schema, table in tables:
            frame = con.execute(f'select * from "{schema}"."{table}"').df()
            keys = [c for c in frame.columns if not pd.api.types.is_float_dtype(frame[c])]
            frames[f"{schema}.{table}"] = frame.sort_values(keys, na_position="first").reset_index(drop=True)
        return frames


def test_second_build_gives_identical_marts(build, tmp_path):
    assert build.returncode == 0
    copy = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    before = _snapshot(copy)
    assert len(before) >= 10 and sum(map(len, before.values())) > 10000
    # seeds and models again (the data tests ran on the first build)
    again = dbt("build", "--exclude", "resource_type:test", "resource_type:unit_test",
                warehouse=copy, target_dir=tmp_path / "t", log_dir=tmp_path / "l")
    assert again.returncode == 0, again.stdout[-3000:]
    after = _snapshot(copy)
    assert after.keys() == before.keys()
    for name, frame in before.items():
        assert_frame_equal(after[name], frame, check_exact=False, rtol=0, atol=1e-6, obj=name)
