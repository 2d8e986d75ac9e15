#!/usr/bin/env bash
# Start Redis from Debian's packages on 127.0.0.1, without persistence.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
REDIS_PORT="${REDIS_PORT:-6379}"
if ! command -v redis-server >/dev/null; then
    log "installing Redis"
    apt_install redis-server
fi
if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT"; exit 0
fi
mkdir -p "$SERVICES_DIR/redis"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --pidfile "$SERVICES_DIR/redis/redis.pid" --logfile "$SERVICES_DIR/redis/redis.log" \
    --dir "$SERVICES_DIR/redis" --save '' --appendonly no
for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.2
done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping | grep -q PONG || { log "Redis did not start"; exit 1; }
log "Redis ready on 127.0.0.1:$REDIS_PORT"
