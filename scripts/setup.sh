#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), configures and builds pop3lab.
# Idempotent: when everything is there and nothing changed, it only runs a no-op ninja.
# Usage: scripts/setup.sh [extra packages...]
# Environment: POP3LAB_BUILD_DIR (default build); POP3LAB_CMAKE_OPTIONS: -DNAME=VALUE options
# (space-separated) on top of the project's (scripts/sanitize.sh uses it); POP3LAB_BUILD_TARGETS:
# what to build (default everything).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${POP3LAB_BUILD_DIR:-build}
# What CI builds with: warnings are errors, and the benchmarks keep building. These are applied to
# an existing build dir too (a later -D wins), the build type and testing only to a new one.
FIRST_OPTIONS=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON)
read -r -a EXTRA_OPTIONS <<<"${POP3LAB_CMAKE_OPTIONS:-}"
OPTIONS=(-DBUILD_TESTING=ON -DPOP3LAB_WERROR=ON -DPOP3LAB_BENCHMARKS=ON "${EXTRA_OPTIONS[@]}")
read -r -a TARGETS <<<"${POP3LAB_BUILD_TARGETS:-}"
PACKAGES=(g++ cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
          libgl-dev fonts-dejavu-core libssl-dev
          qt6-translations-l10n
          help2man # the man pages, written from each program's --help (cmake/Install.cmake)
          poppler-utils # the lesson walk reads its hand-in back (tests/app/tst_lessonwalk.cpp)
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

# Configures when the build dir is new or its cache holds another value for one of the options
# (reading the cache is instant; a configure takes seconds, so run.sh stays fast).
configured() {
    [ -f "$BUILD_DIR/build.ninja" ] && [ -f "$BUILD_DIR/CMakeCache.txt" ] || return 1
    declare -A want=() # NAME -> VALUE, the last -D of a name wins as with cmake
    local option name
    for option in "${OPTIONS[@]}"; do
        option=${option#-D}
        name=${option%%=*}
        want[${name%%:*}]=${option#*=}
    done
    for name in "${!want[@]}"; do
        [ "$(sed -n "s/^$name:[A-Z]*=//p" "$BUILD_DIR/CMakeCache.txt")" = "${want[$name]}" ] || return 1
    done
}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja "${FIRST_OPTIONS[@]}" "${OPTIONS[@]}" >/dev/null
elif ! configured; then
    cmake -S . -B "$BUILD_DIR" "${OPTIONS[@]}" >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" ${TARGETS[@]+--target "${TARGETS[@]}"}
