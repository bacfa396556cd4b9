#!/usr/bin/env bash
# make test-spark: the whole pipeline on local PySpark through dbt-spark's
# session method. Raw data are registered as Parquet tables (not seeds) in a
# warehouse and Derby metastore under .spark/ (ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PERSONS="${PERSONS:-4000}"
export SPARK_LOCAL_IP=127.0.0.1
export WELFARE_SPARK_DIR="${WELFARE_SPARK_DIR:-$(pwd)/.spark}"
if ! command -v java >/dev/null 2>&1; then
    echo "Java not found: installing a headless JRE from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq default-jre-headless >/dev/null
fi
rm -rf "$WELFARE_SPARK_DIR"
$BIN/welfare-segments generate --persons "$PERSONS" --years 2 --out data/raw_spark
$BIN/welfare-segments load --target spark --raw-dir data/raw_spark
$BIN/dbt build --full-refresh --profiles-dir profiles --target spark --target-path target/spark --log-path logs/spark
