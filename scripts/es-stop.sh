#!/usr/bin/env bash
# Stop the local dev Elasticsearch started by es-start.sh (SIGTERM, then SIGKILL after 30 s).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_HOME="${ES_HOME:-$REPO/.services/elasticsearch}"
PIDFILE="$ES_HOME/es.pid"

if [[ ! -f "$PIDFILE" ]]; then echo "Elasticsearch not running (no pid file)"; exit 0; fi
pid="$(cat "$PIDFILE")"
if ! kill -0 "$pid" 2>/dev/null; then echo "Elasticsearch not running (stale pid $pid)"; rm -f "$PIDFILE"; exit 0; fi

kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; echo "Elasticsearch (pid $pid) stopped"; exit 0; }
  sleep 0.5
done
echo "Elasticsearch (pid $pid) did not stop within 30 s; sending SIGKILL" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$PIDFILE"
