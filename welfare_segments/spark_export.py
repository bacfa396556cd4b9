"""Export tables of the local Spark warehouse to Parquet files, so tests can
compare Spark's marts with the other engines' without a JVM of their own.

    python -m welfare_segments.spark_export OUT_DIR schema.table [schema.table ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from welfare_segments.loader import spark_session


def export(out_dir: Path, tables: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    spark = spark_session()
    try:
        for table in tables:
            frame = spark.table(table).toPandas()
            frame.to_parquet(out_dir / f"{table}.parquet", index=False)
    finally:
        spark.stop()


if __name__ == "__main__":
    export(Path(sys.argv[1]), sys.argv[2:])
