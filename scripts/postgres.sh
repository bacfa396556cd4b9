#!/usr/bin/env bash
# A private PostgreSQL server for the project's tests: data under .pg/ (ignored),
# listening on 127.0.0.1 only, password (scram-sha-256) authentication. The
# superuser's generated password is in .pg/password and in .pg/pgpass (both
# 0600, never committed): export PGPASSFILE=.pg/pgpass for dbt and the loader.
# Usage: scripts/postgres.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT="${WELFARE_PG_PORT:-55432}"
PGROOT="$(pwd)/.pg"
PWFILE="$PGROOT/password"
PASSFILE="$PGROOT/pgpass"

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$dir" ]; then
        echo "PostgreSQL not found: installing it from Debian (apt-get install postgresql)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq postgresql >/dev/null
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$dir"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    PGBIN=$(find_bin)
    mkdir -p "$PGROOT"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
    # a data folder of an earlier version of this script accepts anyone (trust):
    # its contents are test data only, so start it afresh with passwords
    if [ -f "$PGROOT/data/PG_VERSION" ] && { [ ! -s "$PWFILE" ] ||
        grep -Eq '^[[:space:]]*[^#[:space:]].*[[:space:]]trust[[:space:]]*$' "$PGROOT/data/pg_hba.conf"; }; then
        echo "re-initialising $PGROOT/data: it was created with trust authentication" >&2
        as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$PGROOT/data"
    fi
    if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
        (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$PWFILE")
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$PWFILE"
        as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=scram-sha-256 --pwfile="$PWFILE" \
            -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    (umask 077; printf '127.0.0.1:%s:*:postgres:%s\n' "$PGPORT" "$(cat "$PWFILE")" > "$PASSFILE")
    if ! as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
        as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
            -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    fi
    echo "PostgreSQL running on 127.0.0.1:$PGPORT (data in $PGROOT/data; export PGPASSFILE=$PASSFILE)"
    ;;
stop)
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$PGBIN" ] && [ -f "$PGROOT/data/PG_VERSION" ]; then
        as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    echo "PostgreSQL stopped"
    ;;
status)
    PGBIN=$(find_bin)
    as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" status
    ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
