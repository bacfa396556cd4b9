#!/usr/bin/env bash
# make test-postgres: the whole pipeline on a private PostgreSQL server.
# Installs PostgreSQL from Debian if missing, starts the server (127.0.0.1,
# data under .pg/), generates a small municipality, loads it, runs dbt build
# with every data and unit test, and stops the server, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PERSONS="${PERSONS:-4000}"
export WELFARE_PG_DATABASE="${WELFARE_PG_DATABASE:-welfare}"
# the server's generated superuser password (scripts/postgres.sh), read by libpq
export PGPASSFILE="${PGPASSFILE:-$(pwd)/.pg/pgpass}"

trap 'scripts/postgres.sh stop' EXIT
scripts/postgres.sh start
$BIN/welfare-segments generate --persons "$PERSONS" --years 2 --out data/raw_postgres
$BIN/welfare-segments load --target postgres --raw-dir data/raw_postgres
$BIN/dbt build --full-refresh --profiles-dir profiles --target postgres --target-path target/postgres --log-path logs/postgres
