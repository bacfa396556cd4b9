"""Pseudonymisation of person ids: a keyed hash (HMAC-SHA256).

The key comes from the environment variable WELFARE_PSEUDONYM_KEY. Synthetic
data may use the documented, public demo key below; the dbt build refuses to
run on an extract that is not marked synthetic when no key is set (macro
``check_pseudonym_key``). The key is read here, in the engine's process, so it
never appears in compiled SQL, in dbt's logs or in the warehouse.
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
    return (os.environ.get(KEY_VARIABLE) or SYNTHETIC_DEMO_KEY).encode("utf-8")


def pseudonymise(person_id: str | None, key: bytes | None = None) -> str | None:
    """The pseudonym of one person id (None stays None)."""
    if person_id is None:
        return None
    digest = hmac.new(key or pseudonym_key(), person_id.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:PSEUDONYM_LENGTH]


def hmac_pads(key: bytes | None = None) -> tuple[str, str]:
    """The HMAC-SHA256 inner and outer pads of the key, as hex.

    Spark has no hmac(); the project computes HMAC in Spark SQL from these pads,
    which reach the Spark session as settings (spark.welfare.hmac_ipad / _opad),
    so neither the key nor the pads appear in SQL.
    """
    key = key or pseudonym_key()
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in key).hex(), bytes(b ^ 0x5C for b in key).hex()
