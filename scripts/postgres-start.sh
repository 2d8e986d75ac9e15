#!/usr/bin/env bash
# Start PostgreSQL from Debian's packages on 127.0.0.1 and create role and database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-npa}"
PG_PASSWORD="${PG_PASSWORD:-npa}"
PG_DB="${PG_DB:-npa}"

if ! command -v pg_lsclusters >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-contrib
fi
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    log "creating cluster $version/main on port $PG_PORT"
    pg_createcluster "$version" main --port "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { log "PostgreSQL did not start"; exit 1; }

as_postgres() { runuser -u postgres -- psql -p "$PG_PORT" -qtAX "$@"; }
if [ "$(as_postgres -c "select 1 from pg_roles where rolname='$PG_USER'")" != "1" ]; then
    as_postgres -c "create role $PG_USER login createdb password '$PG_PASSWORD'"
fi
if [ "$(as_postgres -c "select 1 from pg_database where datname='$PG_DB'")" != "1" ]; then
    as_postgres -c "create database $PG_DB owner $PG_USER"
fi
log "PostgreSQL ready on 127.0.0.1:$PG_PORT (database $PG_DB, role $PG_USER)"
