#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "$0")/lib.sh"
pidfile="$SERVICES_DIR/redis/redis.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" && log "Redis stopped"
fi
rm -f "$pidfile"
