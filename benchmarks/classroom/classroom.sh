#!/bin/sh
# The classroom proof (issue #16, docs/performance.md): a real pop3lab-server --class 60 with its
# observer stream; the teacher's overview (overviewbench: the window's ClassOverview, offscreen)
# attached; 1,000 idle connections held; the 60 students running the lab sheet in a loop with
# their own passwords from the accounts file the server wrote; afterwards every student's mailbox
# is read again (nothing lost) and no lock file may be left. Loopback only, bounded in time.
#
#   benchmarks/classroom/classroom.sh BUILD_DIR [SECONDS=60] [STUDENTS=60] [IDLE=1000] [THINK_MS=0]
#
# To tell the parts apart: NO_OVERVIEW=1 runs without the overview attached; SERVER_ARGS adds
# options to the server (e.g. "--class-lesson none"); OVERVIEW_WRAP prefixes the overview's
# command (e.g. "perf record -g -o overview.data").
set -eu
build=${1:?build directory}
seconds=${2:-60}
students=${3:-60}
idle=${4:-1000}
think=${5:-0}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
dir=$(mktemp -d /tmp/pop3lab-classroom.XXXXXX)
server_pid=
overview_pid=
cleanup() {
    [ -n "$overview_pid" ] && kill "$overview_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"$build/src/server/pop3lab-server" --class "$students" --workspace "$dir/ws" \
    --accounts-out "$dir/class-accounts.txt" --listen 127.0.0.1:0 --observer 0 ${SERVER_ARGS:-} \
    >"$dir/server.out" 2>"$dir/server.err" &
server_pid=$!
for _ in $(seq 1 300); do
    grep -q 'observer stream on' "$dir/server.out" 2>/dev/null && break
    sleep 0.1
done
pop3=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/server.out" | head -n 1)
observer=$(sed -n 's/.*observer stream on 127\.0\.0\.1:\([0-9]*\), token \([0-9a-f]*\).*/\1/p' "$dir/server.out")
token=$(sed -n 's/.*observer stream on .*, token \([0-9a-f]*\).*/\1/p' "$dir/server.out")
[ -n "$pop3" ] && [ -n "$observer" ] && [ -n "$token" ] || {
    echo "classroom: the server did not start" >&2
    cat "$dir/server.out" "$dir/server.err" >&2
    exit 1
}
echo "classroom: load average $(cut -d' ' -f1-3 /proc/loadavg) at start; pop3 $pop3, observer $observer"

if [ -z "${NO_OVERVIEW:-}" ]; then
    QT_QPA_PLATFORM=offscreen ${OVERVIEW_WRAP:-} "$build/benchmarks/classroom/overviewbench" \
        --port "$observer" --token "$token" --seconds "$((seconds + 30))" \
        >"$dir/overview.out" 2>"$dir/overview.err" &
    overview_pid=$!
    sleep 1
fi

status=0
"$build/benchmarks/load/pop3load" classroom --port "$pop3" --accounts "$dir/class-accounts.txt" \
    --students "$students" --idle "$idle" --think-ms "$think" --seconds "$seconds" \
    --server-pid "$server_pid" --label classroom >"$dir/load.out" || status=1
if [ -n "$overview_pid" ]; then
    kill -INT "$overview_pid" 2>/dev/null || true
    wait "$overview_pid" || true
    overview_pid=
fi
cat "$dir/load.out"
[ -n "${NO_OVERVIEW:-}" ] || cat "$dir/overview.out" "$dir/overview.err"
locks=$(find "$dir/ws" -name '*.lock' -o -name '.pop3lab-lock*' | wc -l)
echo "classroom: lock files left: $locks; load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
[ "$locks" -eq 0 ] || status=1
exit $status
