"""The README's worked example of adding a segment, followed step by step.

The catalogue entry and the one-line model are taken from the README itself,
so the example there cannot go stale: they are added to a copy of the project,
which is rebuilt from int_segment_members on a copy of the session's
warehouse.
"""

from __future__ import annotations

import re
import shutil

import duckdb

from .conftest import REPO, dbt


def readme_example() -> tuple[str, str, str]:
    """The yml entry, the model file's name and its one line, from README.md."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("### Adding a segment", 1)[1].split("\n## ", 1)[0]
    # code blocks inside the numbered list are indented like their fence
    blocks = [
        (lang, "\n".join(line[len(indent):] for line in body.splitlines()))
        for indent, lang, body in re.findall(r"^( *)```(\w*)\n(.*?)^\1```", section, flags=re.DOTALL | re.MULTILINE)
    ]
    yml = next(body for lang, body in blocks if lang == "yaml")
    one_line = next(body for lang, body in blocks if lang == "").strip()
    file_name = re.search(r"`models/marts/restricted/segments/(segment_\w+\.sql)`", section).group(1)
    return yml, file_name, one_line


def test_readme_adds_a_segment_by_configuration(build, tmp_path):
    yml, file_name, one_line = readme_example()
    assert one_line == "{{ segment_table() }}"
    segment_id = file_name.removeprefix("segment_").removesuffix(".sql")

    project = tmp_path / "project"
    shutil.copytree(
        REPO, project,
        ignore=shutil.ignore_patterns(".git", ".venv", "target", "logs", "warehouse", "data", "bench", ".pg",
                                      ".spark", "__pycache__", "*.egg-info", "target_*", "logs_*"),
    )
    catalogue = project / "models" / "marts" / "restricted" / "segments" / "_segments__models.yml"
    catalogue.write_text(catalogue.read_text().rstrip("\n") + "\n\n" + yml.rstrip("\n") + "\n")
    (catalogue.parent / file_name).write_text(one_line + "\n")

    warehouse = tmp_path / "welfare.duckdb"
    shutil.copy(build.warehouse, warehouse)
    command = re.search(r"Rebuild the segments: `\.venv/bin/dbt (build [^`]*)`", (REPO / "README.md").read_text())
    arguments = [argument for argument in command.group(1).split() if argument not in ("--profiles-dir", "profiles")]
    rebuilt = dbt(*arguments, warehouse=warehouse, target_dir=tmp_path / "target",
                  log_dir=tmp_path / "logs", project_dir=project)
    assert rebuilt.returncode == 0, (rebuilt.stdout + rebuilt.stderr)[-5000:]

    con = duckdb.connect(str(warehouse), read_only=True)
    members = set(con.execute(f"select unit_id, analysis_year from restricted.segment_{segment_id}").fetchall())
    expected = set(con.execute("""
        select family_features.family_id, family_features.analysis_year
        from intermediate.int_family_features as family_features
        where family_features.is_single_provider and exists (
            select 1 from intermediate.int_person_features as members
            where members.family_id = family_features.family_id
              and members.analysis_year = family_features.analysis_year
              and not members.is_child and members.has_cash_benefit)
    """).fetchall())
    assert members == expected and members, (len(members), len(expected))
    label, population = con.execute(
        "select segment_label, population from analytics.segment_catalogue where segment_id = ?", [segment_id]
    ).fetchone()
    assert (label, population) == ("X1", "families")
    n_profile_rows = con.execute(
        "select count(*) from analytics.segment_profiles where segment_id = ?", [segment_id]
    ).fetchone()[0]
    diagonal = con.execute(
        "select count(*) from analytics.segment_overlap where segment_id = ? and other_segment_id = ?",
        [segment_id, segment_id],
    ).fetchone()[0]
    con.close()
    assert n_profile_rows > 0 and diagonal > 0
