"""dbt-duckdb plugin: registers ``welfare_pseudonym(varchar) -> varchar``.

Named in ``profiles/profiles.yml`` under ``plugins``. The function computes the
keyed hash of welfare_segments.privacy inside DuckDB, vectorised over Arrow
arrays, with the key taken from the environment when the connection opens.
"""

from __future__ import annotations

import pyarrow as pa
from dbt.adapters.duckdb.plugins import BasePlugin

from welfare_segments.privacy import pseudonym_key, pseudonymise


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        key = pseudonym_key()

        def welfare_pseudonym(person_ids: pa.Array) -> pa.Array:
            return pa.array([pseudonymise(value, key) for value in person_ids.to_pylist()], type=pa.string())

        conn.create_function(
            "welfare_pseudonym",
            welfare_pseudonym,
            ["VARCHAR"],
            "VARCHAR",
            type="arrow",
            null_handling="special",
            side_effects=False,
        )
