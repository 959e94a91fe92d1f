#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), configures and builds pop3lab.
# Idempotent: when everything is there and nothing changed, it only runs a no-op ninja.
# Usage: scripts/setup.sh [extra packages...]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${POP3LAB_BUILD_DIR:-build}
PACKAGES=(g++ cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
          libgl-dev fonts-dejavu-core
          "$@")

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "pop3lab: installing ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        SUDO="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
