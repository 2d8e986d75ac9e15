#!/usr/bin/env bash
set -uo pipefail
dir="$(dirname "$0")"
"$dir/es-stop.sh"
"$dir/redis-stop.sh"
"$dir/postgres-stop.sh"
