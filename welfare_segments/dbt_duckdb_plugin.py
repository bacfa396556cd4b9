"""dbt-duckdb plugin: hands the pseudonymisation key to DuckDB.

Named in ``profiles/profiles.yml`` under ``plugins``. On every connection and
cursor dbt opens, it sets session variables: the HMAC-SHA256 inner and outer
pads of the key (``welfare_segments.privacy.hmac_pads``), which the macro
``duckdb__pseudonymise`` combines with DuckDB's native sha256(), and the md5
of the key, which the build's key check compares with the environment's. The
key comes from WELFARE_PSEUDONYM_KEY in this process: it never appears in
compiled SQL, in dbt's logs or in the warehouse.
"""

from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin

from welfare_segments.privacy import hmac_pads, key_md5


def set_pads(connection) -> None:
    inner, outer = hmac_pads()
    connection.execute(f"set variable welfare_hmac_ipad = unhex('{inner}')")
    connection.execute(f"set variable welfare_hmac_opad = unhex('{outer}')")
    connection.execute(f"set variable welfare_key_md5 = '{key_md5()}'")


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        set_pads(conn)

    def configure_cursor(self, cursor):
        set_pads(cursor)
        return cursor
