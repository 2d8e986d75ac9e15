#!/usr/bin/env bash
# Start the local single-node Elasticsearch 8 dev server (see scripts/elasticsearch/README.md).
# Idempotent: returns immediately if something already answers on $ES_PORT.
#   ES_PORT       HTTP port (default 9200; transport uses ES_PORT+100)
#   ES_HOME       data/logs/config base dir (default $REPO/.services/elasticsearch)
#   ES_JAVA_HOME  JDK to use (default: java on PATH, needs >= 17)
#   ES_HEAP       heap size (default 1g)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_PORT="${ES_PORT:-9200}"
ES_HOME="${ES_HOME:-$REPO/.services/elasticsearch}"
ES_HEAP="${ES_HEAP:-1g}"
PROJ="$REPO/scripts/elasticsearch"
JAR="$PROJ/target/es-node-1.0.0.jar"
LIB="$PROJ/target/lib"
PIDFILE="$ES_HOME/es.pid"
LOG="$ES_HOME/logs/es.log"
URL="http://127.0.0.1:$ES_PORT"

if [[ -n "${ES_JAVA_HOME:-}" ]]; then JAVA="$ES_JAVA_HOME/bin/java"; else JAVA="$(command -v java)"; fi

if curl -fsS -m 2 "$URL/" >/dev/null 2>&1; then
  echo "Elasticsearch already running at $URL"
  exit 0
fi

# Rebuild only when the jar is missing or older than any source/pom (later starts stay offline).
if [[ ! -f "$JAR" || ! -d "$LIB" || -n "$(find "$PROJ/pom.xml" "$PROJ/src" -newer "$JAR" -type f 2>/dev/null | head -1)" ]]; then
  echo "Building es-node (Maven, uses ~/.m2 cache) ..."
  MVN_OFFLINE=()
  [[ -d "$HOME/.m2/repository/org/elasticsearch/elasticsearch" ]] && MVN_OFFLINE=(-o)
  mvn -q -B "${MVN_OFFLINE[@]}" -f "$PROJ/pom.xml" package || mvn -q -B -f "$PROJ/pom.xml" package
fi

# A stale pid file from a crashed run must not block us.
if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "es-node process $(cat "$PIDFILE") exists but $URL does not answer yet; waiting for it"
else
  mkdir -p "$ES_HOME/logs" "$ES_HOME/tmp"
  start_ts=$(date +%s.%N)
  nohup "$JAVA" -Xms"$ES_HEAP" -Xmx"$ES_HEAP" \
    -XX:+UseG1GC -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false \
    -Djava.io.tmpdir="$ES_HOME/tmp" \
    -cp "$JAR:$LIB/*" de.niedersachsenpacktan.esnode.EsNodeMain "$ES_HOME" "$ES_PORT" \
    >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
fi
start_ts="${start_ts:-$(date +%s.%N)}"

for _ in $(seq 1 240); do
  if curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -Eq '"status":"(yellow|green)"'; then
    printf 'Elasticsearch up at %s (pid %s) in %.1f s\n' "$URL" "$(cat "$PIDFILE")" "$(awk -v a="$(date +%s.%N)" -v b="$start_ts" 'BEGIN{print a-b}')"
    exit 0
  fi
  if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "es-node exited during startup; last log lines:" >&2
    tail -n 50 "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  sleep 0.5
done
echo "Elasticsearch did not become ready within 120 s; last log lines:" >&2
tail -n 50 "$LOG" >&2
exit 1
