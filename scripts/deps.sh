#!/bin/sh
# Install the Debian packages slant needs, only those missing. A no-op when
# everything is present. Extra packages can be named: sh scripts/deps.sh chromium
set -u
PKGS="build-essential pkg-config libgsl-dev libutf8proc-dev libjansson-dev check $*"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "slant: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "slant: need root or sudo to install:$missing" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null || { echo "slant: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null || {
    echo "slant: apt-get install failed for:$missing" >&2; exit 1; }
