"""Pseudonymisation of person and address ids: a keyed hash (HMAC-SHA256).

The key comes from the environment variable WELFARE_PSEUDONYM_KEY. Synthetic
data may use the documented, public demo key below; the dbt build refuses an
extract that is not marked synthetic unless the key is set, strong enough and
not the demo key, and unless the engine's session holds the same key (macro
``check_pseudonym_key``). The key is read in the engine's process, so it never
appears in compiled SQL, in dbt's logs or in the warehouse.
"""

from __future__ import annotations

import hashlib
import hmac
import os

KEY_VARIABLE = "WELFARE_PSEUDONYM_KEY"
# Public on purpose: only for synthetic data, where nothing is secret.
SYNTHETIC_DEMO_KEY = "welfare-segments-synthetic-demo-key"
# 128 bits of the HMAC, as hex: collision-free at any municipal scale.
PSEUDONYM_LENGTH = 32


def pseudonym_key() -> bytes:
    """The key of this process: the environment's, else the public demo key
    (which the build accepts for an extract marked synthetic alone)."""
    return (os.environ.get(KEY_VARIABLE) or SYNTHETIC_DEMO_KEY).encode("utf-8")


def pseudonymise(value: str | None, key: bytes | None = None) -> str | None:
    """The pseudonym of one id (None stays None)."""
    if value is None:
        return None
    digest = hmac.new(key or pseudonym_key(), value.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:PSEUDONYM_LENGTH]


def hmac_pads(key: bytes | None = None) -> tuple[str, str]:
    """The HMAC-SHA256 inner and outer pads of the key, as hex.

    DuckDB computes HMAC from these with its native sha256(); the project's
    dbt-duckdb plugin hands them to each connection as session variables.
    """
    key = key or pseudonym_key()
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key).hex(), bytes(b ^ 0x5C for b in key).hex()


def key_md5(key: bytes | None = None) -> str:
    """md5 of the key, as hex: what the build's key check compares between the
    environment and the engine's session (the key itself never enters SQL)."""
    return hashlib.md5(key or pseudonym_key()).hexdigest()
