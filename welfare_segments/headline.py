"""Headline figures of a built warehouse, as the reports open with them."""

from __future__ import annotations

from pathlib import Path

import duckdb


def headline(warehouse: Path) -> str:
    """Headline figures per analysis year: allocation coverage, mean cost per
    citizen, the share of cost carried by the costliest 1 % and 5 %, and how
    many segments have members; then what the quarantine set aside."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        coverage = con.execute(
            """
            select analysis_year, relevant_ledger_amount, allocated_share
            from analytics.allocation_coverage
            order by analysis_year
            """
        ).fetchall()
        lines = []
        for year, relevant, allocated_share in coverage:
            citizens, mean_cost = con.execute(
                """
                select count(*), avg(total_cost)
                from restricted.person_costs
                where is_in_population and analysis_year = ?
                """,
                [year],
            ).fetchone()
            shares = dict(
                con.execute(
                    """
                    select top_percent, share_of_cost
                    from analytics.cost_concentration
                    where analysis_year = ? and population = 'citizens'
                      and cost_scope = 'total'
                    """,
                    [year],
                ).fetchall()
            )
            n_segments, n_with_members, n_withheld, n_partly_withheld = con.execute(
                """
                select count(*), count(case when cells.n_units > 0 and not withheld.is_count_withheld then 1 end),
                       count(case when withheld.suppression_reason = 'small_segment' then 1 end),
                       count(case when withheld.suppression_reason in ('dominance', 'complementary') then 1 end)
                from intermediate.int_segment_profile_cells as cells
                inner join intermediate.int_cells_withheld as withheld on cells.cell_id = withheld.cell_id
                where cells.analysis_year = ? and cells.section = 'summary' and cells.item = 'units'
                """,
                [year],
            ).fetchone()
            lines += [
                f"{year}: {citizens:,} citizens",
                f"  1. {allocated_share:.1%} of {float(relevant) / 1e6:,.1f} mio. kr relevant municipal cost allocated to individuals",
                f"  2. mean welfare cost per citizen {float(mean_cost):,.0f} kr (municipal and regional)",
                f"  3. the costliest 1 % of citizens carry {shares.get(1, 0):.1%} of all cost, the costliest 5 % {shares.get(5, 0):.1%}",
                (f"  4. {n_segments} segments (analytics.segment_profiles): {n_with_members} with members, "
                 f"{n_withheld} withheld as smaller than min_cell_size, "
                 f"{n_partly_withheld} with size or cost withheld by the dominance or complementary rule"),
            ]
        lines += _quarantine_lines(con)
    return "\n".join(lines)


def _quarantine_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Rows set aside as bad input over the whole extract, and the kroner they carry, per source table."""
    by_table = con.execute(
        """
        select source_table, count(*), coalesce(sum(amount), 0), count(*) - count(amount)
        from quarantine.rejected_rows
        group by source_table
        order by source_table
        """
    ).fetchall()
    n_rows = sum(n for _, n, _, _ in by_table)
    kroner = sum(float(amount) for _, _, amount, _ in by_table)
    lines = [(f"quarantine: {n_rows:,} rows set aside with their reason (quarantine.rejected_rows), "
              f"carrying {kroner:,.0f} kr")]
    for table, n, amount, n_unparsed in by_table:
        unparsed = f", {n_unparsed:,} with an amount that does not parse" if n_unparsed else ""
        lines.append(f"  {table}: {n:,} rows, {float(amount):,.0f} kr{unparsed}")
    if by_table:
        reason, n = con.execute(
            """
            select primary_reason, count(*)
            from quarantine.rejected_rows
            group by primary_reason
            order by count(*) desc, primary_reason
            limit 1
            """
        ).fetchone()
        lines.append(f"  most frequent reason: {reason} ({n:,} rows)")
    return lines
