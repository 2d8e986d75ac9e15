#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v pg_lsclusters >/dev/null || exit 0
version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
[ -n "$version" ] || exit 0
if pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main stop && log "PostgreSQL stopped"
fi
