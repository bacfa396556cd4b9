"""The command line: generate reports its speed, headline reads a built warehouse."""

from __future__ import annotations

import re

import pytest

from welfare_segments.cli import main
from welfare_segments.contract import RAW_TABLES


def test_generate_writes_every_table_and_prints_persons_per_second(tmp_path, capsys):
    assert main(["generate", "--persons", "800", "--seed", "5", "--out", str(tmp_path / "raw")]) == 0
    out = capsys.readouterr().out
    written = sorted(p.name for p in (tmp_path / "raw").iterdir())
    assert written == sorted([t.file_name for t in RAW_TABLES] + ["dataset.json"])
    assert re.search(r"generated 800 persons x 1 year\(s\) in [\d.]+ s \([\d,]+ persons per second\)", out)


def test_headline_prints_four_figures_per_year(warehouse, build, capsys):
    assert main(["headline", "--warehouse", str(build.warehouse)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"1\. \d+\.\d% of [\d,.]+ mio\. kr relevant municipal cost allocated", out)
    assert re.search(r"2\. mean welfare cost per citizen [\d,]+ kr", out)
    assert re.search(r"3\. the costliest 1 % of citizens carry \d+\.\d% of all cost", out)
    assert re.search(r"4\. \d+ segments \(analytics\.segment_profiles\): \d+ with members, \d+ withheld", out)
    assert out.count("citizens\n") == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["--persons", "0"], "--persons: 0 is outside"),
        (["--persons", "5"], "--persons: 5 is outside"),
        (["--persons", "-3"], "--persons"),
        (["--persons", "many"], "is not a int"),
        (["--years", "200"], "--years: 200 is outside"),
        (["--years", "0"], "--years: 0 is outside"),
        (["--faults", "1.5"], "--faults: 1.5 is outside"),
        (["--faults", "-0.1"], "--faults"),
    ],
)
def test_bad_generator_arguments_are_one_line_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["generate", *args, "--out", str(tmp_path / "raw")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "raw").exists()
