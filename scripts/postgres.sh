#!/usr/bin/env bash
# A private PostgreSQL server for the project's tests: data under .pg/ (ignored),
# listening on 127.0.0.1 only. Usage: scripts/postgres.sh start|stop|status
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT="${WELFARE_PG_PORT:-55432}"
PGROOT="$(pwd)/.pg"

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
    if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
        as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
        as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
            -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    fi
    echo "PostgreSQL running on 127.0.0.1:$PGPORT (data in $PGROOT/data)"
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
