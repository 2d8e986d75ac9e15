#!/usr/bin/env bash
# Start PostgreSQL, Redis and Elasticsearch for the test suite (idempotent).
set -euo pipefail
dir="$(dirname "$0")"
"$dir/postgres-start.sh"
"$dir/redis-start.sh"
"$dir/es-start.sh"
