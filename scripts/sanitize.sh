#!/usr/bin/env bash
# Builds pop3lab with sanitizers, in a build dir of its own, and runs tests there through ctest.
#   scripts/sanitize.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on):
#                              every test, in build-asan/ (the real-client tests and the tests
#                              that start pop3lab-server run the sanitized server of that dir)
#   scripts/sanitize.sh tsan   ThreadSanitizer: tst_pop3server (the body worker thread, the
#                              server's sessions) on Qt's loop and on epoll, and
#                              tst_epolldispatcher (wake-ups from other threads), in build-tsan/
# Further arguments go to ctest (e.g. -R tst_pop3session). A finding fails its test; what the
# sanitizers are told (suppressions of Qt's and the system's own leaks, timeouts) is in
# tests/CMakeLists.txt and tests/sanitizers/. CI runs both after scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
[ $# -gt 0 ] && shift
# -O1: the sanitizers' own advice (fast enough to run, stack traces still right), and faster to
# build than -O2; -g1: line numbers in the reports without the cost of full debug information.
# Debug keeps Q_ASSERT on. Warnings are not errors here: gcc's -O1 + sanitizer warnings are
# known to be false positives, and the plain build (scripts/test.sh) already has -Werror.
common="-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DCMAKE_CXX_FLAGS_DEBUG=-g1"
common+=" -DPOP3LAB_WERROR=OFF -DPOP3LAB_BENCHMARKS=OFF"
case "$mode" in
asan)
    dir=build-asan
    options="$common -DPOP3LAB_SANITIZE=address,undefined"
    targets=""
    # Every test but the format check, which runs no program of ours (scripts/test.sh has it),
    # and the package checks (no one installs a .deb of instrumented binaries).
    tests=(-LE '^(style|package)$')
    ;;
tsan)
    dir=build-tsan
    options="$common -DPOP3LAB_SANITIZE=thread"
    targets="tst_pop3server tst_epolldispatcher"
    tests=(-R '^(tst_pop3server|tst_pop3server_epoll|tst_epolldispatcher)$')
    ;;
*)
    echo "usage: scripts/sanitize.sh asan|tsan [ctest arguments...]" >&2
    exit 2
    ;;
esac

# The same packages as scripts/test.sh: the real clients run against the sanitized server.
POP3LAB_BUILD_DIR=$dir POP3LAB_CMAKE_OPTIONS=$options POP3LAB_BUILD_TARGETS=$targets \
    scripts/setup.sh python3 curl fetchmail openssl mpop getmail6 mutt perl putty-tools
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)" "${tests[@]}" "$@"
