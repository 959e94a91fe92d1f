#!/usr/bin/env bash
# One run of the performance benchmarks (issue 6): installs what is missing, builds in
# build-bench/, generates the mailboxes in a temporary folder, starts pop3lab-server and a private
# Dovecot on the same mailboxes (127.0.0.1 only, their own ports), runs every mode against both
# alternately with repetitions, and prints the table of medians (docs/performance.md explains it).
#
#   benchmarks/run.sh [--reps N] [--quick] [--keep]
#     --reps N    repetitions of each timed mode (default 3)
#     --quick     shorter windows, idle 1,000 only (a smoke run, about 2 minutes)
#     --keep      leave the temporary folder (mailboxes, logs, results.jsonl) in place
# Environment: POP3LAB_BENCH_BUILD (default build-bench); DOVECOT_IDLE (default 300): how many
# idle Dovecot logins to hold for its per-connection memory (one process each, a few per second
# to set up on a busy 2-core box, so 1,000 and 5,000 are held by pop3lab only unless asked).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${POP3LAB_BENCH_BUILD:-$ROOT/build-bench}
REPS=3
WINDOW=3
IDLE_COUNTS="1000 5000"
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
    --reps) REPS=$2; shift ;;
    --quick) WINDOW=1.5; IDLE_COUNTS="1000"; REPS=1 ;;
    --keep) KEEP=1 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# --- 1. Packages (dovecot-pop3d is installed without starting its system service) -------------
PACKAGES=(g++ cmake ninja-build qt6-base-dev python3 procps dovecot-core dovecot-pop3d)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "run.sh: installing ${missing[*]}"
    policy_added=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        # Debian's documented way to keep a package's service from starting on install.
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod +x /usr/sbin/policy-rc.d
        policy_added=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ $policy_added -eq 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d
fi

# --- 2. Build ------------------------------------------------------------------------------
# The kits are built only with POP3LAB_BENCHMARKS (a build-bench/ older than that option gets it).
if ! grep -qx 'POP3LAB_BENCHMARKS:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null || [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        -DPOP3LAB_BENCHMARKS=ON >/dev/null
fi
ninja -C "$BUILD" -j"$(nproc)" pop3lab-server pop3load echoserver loopxfer >/dev/null
SERVER=$BUILD/src/server/pop3lab-server
LOAD=$BUILD/benchmarks/load/pop3load
KIT=$BUILD/benchmarks/load

# --- 3. Mailboxes and servers ----------------------------------------------------------------
W=$(mktemp -d /tmp/pop3bench.XXXXXX)
chmod 755 "$W"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ $KEEP -eq 0 ]; then rm -rf "$W"; else echo "run.sh: kept $W"; fi
}
trap cleanup EXIT

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
waitport() { # port, seconds
    for _ in $(seq 1 $(($2 * 20))); do
        (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0
        sleep 0.05
    done
    echo "run.sh: nothing listens on 127.0.0.1:$1" >&2
    return 1
}

echo "run.sh: generating mailboxes in $W"
python3 "$ROOT/benchmarks/load/mkmailboxes.py" "$W"
RESULTS=$W/results.jsonl
: >"$RESULTS"

# pop3lab copies every mailbox into its workspace before Dovecot touches the originals.
P_PORT=$(freeport)
"$SERVER" --listen 127.0.0.1:"$P_PORT" --accounts "$W/accounts" --workspace "$W/ws" --reset --quiet \
    >"$W/pop3lab.out" 2>&1 &
P_PID=$!
PIDS+=("$P_PID")
waitport "$P_PORT" 120

# The same server without the worker thread for large bodies (--single-thread), for the bigretr
# mode only: the before and after of that change, in the same run. It serves the same workspace.
P1_PORT=$(freeport)
"$SERVER" --listen 127.0.0.1:"$P1_PORT" --accounts "$W/accounts" --workspace "$W/ws" --single-thread \
    --quiet >"$W/pop3lab-1t.out" 2>&1 &
P1_PID=$!
PIDS+=("$P1_PID")
waitport "$P1_PORT" 120

D_PORT=$(freeport)
D=$W/dovecot
mkdir -p "$D/run" "$D/state" "$D/home"
if [ "$(id -u)" -eq 0 ]; then
    # Dovecot refuses to serve mail as root: the mail belongs to nobody, the services to Debian's
    # own dovecot/dovenull users.
    MAIL_UID=$(id -u nobody); MAIL_GID=$(id -g nobody)
    INTERNAL_USER=dovecot; INTERNAL_GROUP=dovecot; LOGIN_USER=dovenull
    chown -R nobody:"$(id -gn nobody)" "$W/mail" "$D/home"
else
    MAIL_UID=$(id -u); MAIL_GID=$(id -g)
    INTERNAL_USER=$(id -un); INTERNAL_GROUP=$(id -gn); LOGIN_USER=$(id -un)
fi
sed -e "s|@DIR@|$D|g; s|@PORT@|$D_PORT|g; s|@MAIL@|$W/mail|g; s|@PASSWD@|$W/passwd|g" \
    -e "s|@MAIL_UID@|$MAIL_UID|g; s|@MAIL_GID@|$MAIL_GID|g; s|@INTERNAL_USER@|$INTERNAL_USER|g" \
    -e "s|@INTERNAL_GROUP@|$INTERNAL_GROUP|g; s|@LOGIN_USER@|$LOGIN_USER|g" \
    "$ROOT/benchmarks/dovecot/dovecot.conf.in" >"$D/dovecot.conf"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
dovecot -F -c "$D/dovecot.conf" >"$D/stdout" 2>&1 &
D_PID=$!
PIDS+=("$D_PID")
waitport "$D_PORT" 30

E_PORT=$(freeport)
"$KIT/echoserver" --port "$E_PORT" --seconds 1500 >/dev/null &
PIDS+=("$!")
waitport "$E_PORT" 10

echo "run.sh: pop3lab-server pid $P_PID on $P_PORT, dovecot pid $D_PID on $D_PORT, echo on $E_PORT"

# run SERVER CASE MODE [pop3load options...]: one measurement, appended to results.jsonl
run() {
    local server=$1 case=$2 mode=$3
    shift 3
    local port=$P_PORT pid=$P_PID tree=0
    if [ "$server" = dovecot ]; then port=$D_PORT; pid=$D_PID; tree=1; fi
    if [ "$server" = pop3lab-1t ]; then port=$P1_PORT; pid=$P1_PID; fi
    local out
    if ! out=$("$LOAD" "$mode" --port "$port" --password bench --server-pid "$pid" --server-tree $tree \
        --label "$server|$case" "$@" 2>"$W/last.err"); then
        echo "run.sh: $server $case had errors: $(head -c 300 "$W/last.err")" >&2
    fi
    echo "$out" | tail -1 >>"$RESULTS"
    printf '  %-8s %-16s done\n' "$server" "$case"
}

# --- 4. Timed modes, alternating the two servers, repeated -------------------------------------
for rep in $(seq 1 "$REPS"); do
    echo "run.sh: repetition $rep of $REPS"
    order="pop3lab dovecot"
    [ $((rep % 2)) -eq 0 ] && order="dovecot pop3lab"
    for c in 1 8 64; do
        for s in $order; do run "$s" "sessions-$c" sessions --clients "$c" --seconds "$WINDOW"; done
    done
    for s in $order; do run "$s" pingpong pingpong --seconds 2; done
    "$LOAD" echo --port "$E_PORT" --seconds 2 --label "ceiling|echo" | tail -1 >>"$RESULTS"
    for s in $order pop3lab-1t; do run "$s" bigretr bigretr --seconds 4; done
    for s in $order; do
        run "$s" mailbox-lab mailbox --user lab01 --seconds 2 --full-lists 20
        run "$s" mailbox-bulk mailbox --user bulk --seconds 3 --full-lists 10
    done
    "$KIT/loopxfer" --mb 50 --reps 3 | sed 's/"mode":"loopxfer"/"mode":"loopxfer","label":"ceiling|loopxfer"/' >>"$RESULTS"
done

# --- 5. Idle connections (once each: the set-up is the slow part) ------------------------------
for n in $IDLE_COUNTS; do
    run pop3lab "idle-$n" idle --idle "$n" --fresh-sessions 20
done
DI=${DOVECOT_IDLE:-300}
run pop3lab "idle-$DI" idle --idle "$DI" --fresh-sessions 20
run dovecot "idle-$DI" idle --idle "$DI" --fresh-sessions 20

# --- 6. The 10,000-message Maildir: from exec to ready --------------------------------------
R_PORT=$(freeport)
for rep in $(seq 1 "$REPS"); do
    for reset in 1 0; do
        args=(--listen 127.0.0.1:"$R_PORT" --mailbox "$W/mail/bulk" --user bulk --password bench
              --workspace "$W/ws-ready" --quiet)
        label="ready-copy"
        if [ $reset -eq 1 ]; then args+=(--reset); else label="ready-load"; fi
        "$LOAD" ready --port "$R_PORT" --password bench --user bulk --label "pop3lab|$label" \
            -- "$SERVER" "${args[@]}" 2>>"$W/last.err" | tail -1 >>"$RESULTS"
    done
done

# --- 7. Table ---------------------------------------------------------------------------------
python3 "$ROOT/benchmarks/report.py" "$RESULTS"
cp "$RESULTS" "${POP3LAB_BENCH_RESULTS:-$ROOT/build-bench/results.jsonl}" 2>/dev/null || true
