"""Register rows with impossible values are quarantined with a reason, and
whatever they carry (postings, contacts, residences) is still accounted for."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from .conftest import dbt


@pytest.fixture(scope="module")
def broken_register(build, tmp_path_factory):
    assert build.returncode == 0, build.output[-3000:]
    root = tmp_path_factory.mktemp("register")
    copy = root / "welfare.duckdb"
    shutil.copy(build.warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        # persons with the most ledger kroner, so their costs are visible
        costly = [pid for (pid,) in con.execute(
            "select person_id from raw.ledger_postings where person_id is not null and person_id <> '' "
            "group by person_id order by sum(amount) desc, person_id limit 4"
        ).fetchall()]
        born_after_death, conflicting, duplicated, relation_owner = costly
        con.execute("update raw.persons set death_date = birth_date - 1 where person_id = ?", [born_after_death])
        next_row = con.execute("select max(source_row_number) + 1 from raw.persons").fetchone()[0]
        # the same person again with another birth date, and an exact copy of another
        con.execute(
            "insert into raw.persons select * replace (birth_date + 400 as birth_date, ? as source_row_number) "
            "from raw.persons where person_id = ?", [next_row, conflicting],
        )
        con.execute(
            "insert into raw.persons select * replace (? as source_row_number) from raw.persons "
            "where person_id = ?", [next_row + 1, duplicated],
        )
        next_relation = con.execute("select max(source_row_number) + 1 from raw.relations").fetchone()[0]
        con.execute(
            "insert into raw.relations values (?, '0000000000', 'mother', ?)", [relation_owner, next_relation],
        )
        con.execute(
            "insert into raw.relations values (?, ?, 'partner', ?)", [relation_owner, relation_owner, next_relation + 1]
        )
        # as if the rows had stood in the files: the loader's control totals count them
        for table in ("persons", "relations"):
            con.execute(
                f"update raw.load_control_totals set n_rows = (select count(*) from raw.{table}) "
                f"where table_name = '{table}'"
            )
        expected_kroner = con.execute(
            "select sum(amount) from raw.ledger_postings where person_id in (?, ?)", [born_after_death, conflicting]
        ).fetchone()[0]
    result = dbt("build", "--full-refresh", "--exclude", "test_type:unit", warehouse=copy,
                 target_dir=root / "target", log_dir=root / "logs")
    return copy, result, float(expected_kroner)


def test_register_rows_are_quarantined_with_their_reason(broken_register):
    copy, result, _ = broken_register
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    with duckdb.connect(str(copy), read_only=True) as con:
        reasons = sorted(
            con.execute(
                "select source_table, rejection_reasons from quarantine.rejected_rows "
                "where source_table in ('persons', 'relations') order by 1, 2"
            ).fetchall()
        )
    # the register rows of the rejected persons' own relations go with them
    assert [r for r in reasons if r != ("relations", "unknown_person_id")] == [
        ("persons", "born_after_death"),
        ("persons", "conflicting_register_rows"),
        ("persons", "conflicting_register_rows;duplicate_key"),
        ("persons", "duplicate_key"),
        ("relations", "relation_to_self"),
        ("relations", "unknown_related_person_id"),
    ]


def test_what_rejected_persons_carry_is_still_accounted_for(broken_register):
    copy, _, expected_kroner = broken_register
    with duckdb.connect(str(copy), read_only=True) as con:
        (quarantined,) = con.execute(
            "select sum(amount) from quarantine.rejected_rows "
            "where source_table = 'ledger_postings' and rejection_reasons like '%unknown_person_id%'"
        ).fetchone()
        (n_unregistered,) = con.execute(
            "select count(distinct person_id) from intermediate.int_persons_validated "
            "where person_id not in (select person_id from intermediate.int_persons_registered)"
        ).fetchone()
        worst_row, worst_kroner = con.execute(
            "select max(abs(row_difference)), max(abs(amount_difference)) from audit.extract_reconciliation"
        ).fetchone()
        (worst_ledger,) = con.execute(
            "select max(abs(difference)) from audit.allocation_reconciliation"
        ).fetchone()
        (family_members,) = con.execute(
            # persons with rejected rows only (a repeated row leaves its person registered)
            "select count(*) from intermediate.int_families_formed "
            "where person_id not in (select person_id from intermediate.int_persons_registered)"
        ).fetchone()
    # the two rejected persons' postings are quarantined, kroner and all
    assert float(quarantined) >= expected_kroner - 0.01
    assert (worst_row, float(worst_kroner) <= 0.01, float(worst_ledger) <= 0.01) == (0, True, True)
    assert n_unregistered == 2 and family_members == 0
