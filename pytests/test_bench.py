"""The bench command: four stages timed in their own processes, a table and a JSON report.

No assertion on speed: the bench prints figures, it does not judge them.
"""

from __future__ import annotations

import json
import math

from welfare_segments.cli import main

STAGES = ["generate", "load", "dbt build", "floor"]


def test_bench_runs_every_stage_and_writes_the_report(tmp_path, capsys):
    # the staging models stand for the build (the session's build is the
    # whole project's)
    selection = ["path:models/staging"]
    assert main(["bench", "--persons", "1500", "--work-dir", str(tmp_path), "--select", *selection]) == 0
    out = capsys.readouterr().out

    report_path = tmp_path / "bench_duckdb_1500.json"
    assert report_path.is_file()
    report = json.loads(report_path.read_text())
    assert report["persons"] == 1500 and report["target"] == "duckdb"
    assert set(report["machine"]) >= {"cpus", "mem_gb", "python", "duckdb", "dbt"}

    stages = report["stages"]
    assert [s["name"] for s in stages] == STAGES
    for stage in stages:
        assert stage["seconds"] > 0, stage
        assert stage["peak_rss_mb"] > 0, stage
        assert stage["rows"] > 0, stage
        assert stage["rows_per_second"] > 0, stage

    dbt_seconds = stages[2]["seconds"]
    floor_seconds = stages[3]["seconds"]
    assert report["floor_seconds"] == floor_seconds
    assert math.isclose(report["ratio"], dbt_seconds / floor_seconds, rel_tol=1e-9)

    assert report["select"] == selection
    nodes = report["slowest_nodes"]
    assert nodes
    times = [node["execution_time"] for node in nodes]
    assert times == sorted(times, reverse=True)

    for label in ["generate", "load", "dbt build", "floor (DuckDB single pass)", "ratio dbt build / floor:"]:
        assert label in out
    assert nodes[0]["unique_id"] in out


def test_bench_refuses_a_target_it_does_not_support(tmp_path, capsys):
    assert main(["bench", "--persons", "1500", "--target", "oracle", "--work-dir", str(tmp_path / "b")]) != 0
    assert "target oracle: not yet supported by bench" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()
