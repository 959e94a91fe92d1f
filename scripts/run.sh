#!/usr/bin/env bash
# Sets up (see setup.sh) and starts pop3lab on the built-in sample mailbox.
# Arguments are passed to pop3lab (e.g. --personality uw-ipop3d).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_DIR=${POP3LAB_BUILD_DIR:-build}
if [ -x "$BUILD_DIR/src/app/pop3lab" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; }; then
    exec "$BUILD_DIR/src/app/pop3lab" "$@"
fi
echo "pop3lab: no display here: starting the headless server instead (pop3lab-server)"
exec "$BUILD_DIR/src/server/pop3lab-server" "$@"
