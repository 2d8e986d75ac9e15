# Shared helpers for the service scripts.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_DIR="${SERVICES_DIR:-$REPO/.services}"
mkdir -p "$SERVICES_DIR"

log() { printf '[services] %s\n' "$*"; }

apt_install() {
    # Install Debian packages only when a command is missing.
    if [ "$(id -u)" -ne 0 ]; then
        log "need root to apt-get install $*"; return 1
    fi
    if [ -z "${APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
