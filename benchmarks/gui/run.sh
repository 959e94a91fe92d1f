#!/usr/bin/env bash
# Does the pop3lab window keep painting while its built-in server is busy? Runs the window
# offscreen with eight lab accounts, measures its event loop's lateness (a 16 ms timer, see
# src/app/frameprobe.h) once idle and once under `pop3load sessions` with 8 clients, and prints
# both. Only 127.0.0.1 is used; every run stops by itself.
# Usage: benchmarks/gui/run.sh [SECONDS]   (default 8; builds in build-bench/ like benchmarks/run.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_RUN=${1:-8}
BUILD=${POP3LAB_BENCH_BUILD:-build-bench}
scripts/setup.sh python3 >/dev/null
# The kits are built only with POP3LAB_BENCHMARKS (a build-bench/ older than that option gets it).
if ! grep -qx 'POP3LAB_BENCHMARKS:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null || [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        -DPOP3LAB_BENCHMARKS=ON >/dev/null
fi
cmake --build "$BUILD" --target pop3lab pop3load >/dev/null
APP=$BUILD/src/app/pop3lab
LOAD=$BUILD/benchmarks/load/pop3load

W=$(mktemp -d /tmp/pop3gui.XXXXXX)
trap 'rm -rf "$W"' EXIT
python3 "$ROOT/benchmarks/load/mkmailboxes.py" "$W" --lab-users 8 --idle-users 1 --bulk 10 --big-mb 1 >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

measure() { # label, with-load (0/1)
    local out="$W/app.out"
    QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$W/config" "$APP" --workspace "$W/ws" --port "$PORT" \
        --accounts "$W/accounts" --frame-stats "$SECONDS_RUN" >"$out" 2>"$W/app.err" &
    local pid=$!
    for _ in $(seq 1 200); do grep -q "listening on" "$out" 2>/dev/null && break; sleep 0.05; done
    local load=""
    if [ "$2" = 1 ]; then
        load=$("$LOAD" sessions --port "$PORT" --password bench --clients 8 \
            --seconds $((SECONDS_RUN - 2)) --label gui 2>/dev/null | tail -1)
    fi
    wait "$pid"
    printf '%-22s %s\n' "$1" "$(grep frame-stats "$out" | sed 's/frame-stats: //')"
    if [ -n "$load" ]; then
        python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("%-22s %.0f sessions/s, %.0f commands/s, command p99 %.2f ms, %d validation errors" % ("  server under load:", d.get("sessions_per_s",0), d.get("commands_per_s",0), d.get("cmd_p99_ms",0), d.get("errors",0)))' "$load" 2>/dev/null || echo "  load: $load"
    fi
}

echo "pop3lab window, offscreen, event-loop lateness of a 16 ms frame timer over ${SECONDS_RUN} s"
measure "idle:" 0
measure "8 clients, sessions:" 1
