"""welfare-segments publish: the analytics marts alone, with no person-level row."""

from __future__ import annotations

import duckdb
import pytest

from welfare_segments.cli import main
from welfare_segments.publish import PublishError, publish


@pytest.fixture(scope="module")
def published(build, tmp_path_factory):
    assert build.returncode == 0
    out = tmp_path_factory.mktemp("publish")
    counts = publish(build.warehouse, out, xlsx=True)
    return out, counts


def _ids(con, query: str) -> set[str]:
    return {str(value) for (value,) in con.execute(query).fetchall() if value is not None}


def test_published_file_holds_the_analytics_marts_only(build, warehouse, published):
    out, counts = published
    marts = {name for (name,) in warehouse.execute(
        "select table_name from information_schema.tables where table_schema = 'analytics'").fetchall()}
    con = duckdb.connect(str(out / "analytics.duckdb"), read_only=True)
    try:
        schemas = {name for (name,) in con.execute(
            "select schema_name from information_schema.schemata where catalog_name = current_database()").fetchall()}
        assert schemas <= {"main", "information_schema", "pg_catalog"}, schemas
        tables = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
        assert {schema for schema, _ in tables} == {"main"}
        assert {name for _, name in tables} == marts == set(counts)
        assert {path.stem for path in out.glob("*.parquet")} == marts
        assert (out / "analytics.xlsx").stat().st_size > 0

        # every pseudonym of the person-level marts and every raw person id
        secrets = _ids(warehouse, "select person_id from restricted.person_costs union "
                                  "select family_id from restricted.person_costs union "
                                  "select family_id from restricted.family_costs union "
                                  "select person_id from raw.persons")
        assert len(secrets) > 100
        columns = con.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'main'").fetchall()
        assert not [c for _, c, _ in columns if c.endswith(("person_id", "family_id")) or c == "unit_id"]
        for table, column, data_type in columns:
            if data_type.startswith("VARCHAR"):
                values = _ids(con, f'select distinct "{column}" from main."{table}"')
                assert not values & secrets, f"{table}.{column} holds a person-level id"
    finally:
        con.close()


def test_scan_would_catch_a_leaked_id(build, warehouse, tmp_path):
    """The scan above can fail: a warehouse whose analytics schema holds a person id column is refused."""
    import shutil

    copy = tmp_path / "leaky.duckdb"
    shutil.copyfile(build.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("create table analytics.leak as select person_id from restricted.person_costs")
    with pytest.raises(PublishError, match="analytics.leak has person-level column"):
        publish(copy, tmp_path / "out")


def test_publish_cli_errors(build, tmp_path, capsys):
    assert main(["publish", "--warehouse", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: warehouse") and "does not exist" in err and "\n" not in err
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    assert main(["publish", "--warehouse", str(empty), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert "no schema analytics" in err and "\n" not in err
