#!/usr/bin/env bash
# Fuzzes pop3lab with libFuzzer, ASan and UBSan (docs/reliability.md, "Fuzzing").
#   scripts/fuzz.sh [seconds-per-target] [target...]
#   POP3LAB_FUZZ_RUNS=10000000 scripts/fuzz.sh 7200 mbox    # stops at 10 million executions too
# Configures build-fuzz/ with clang and -DPOP3LAB_FUZZ=ON, builds the fuzz targets of fuzz/ and
# runs each in turn for the given time (default 60 s), at nice 19, on one core (-jobs=1), from the
# committed seed corpus fuzz/corpus/<target>/. What it finds goes to build-fuzz/findings/<target>/
# (crash-*, leak-*, timeout-*; the script then exits 1): copy each into fuzz/regressions/<target>/, where the CTest
# fuzz_replay_<target> replays it in every build, then fix it. New coverage goes to
# build-fuzz/corpus/<target>/ (not committed: merge the useful inputs by hand with -merge=1).
# Prints per target the executions, executions per second and coverage libFuzzer reported.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(session commandline mail mbox message mime trace)

dir=build-fuzz
if [ ! -f "$dir/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # Debug keeps Q_ASSERT on; -O1 -gline-tables-only is libFuzzer's own advice.
    cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
        -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
        -DPOP3LAB_FUZZ=ON -DBUILD_TESTING=OFF -DPOP3LAB_WERROR=ON >/dev/null
fi
nice -n 10 ninja -C "$dir" "${targets[@]/#/fuzz_}"

# The mail target writes its maildrops into a temporary folder of its own: a RAM disk if any.
[ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
# A smaller quarantine than ASan's 256 MB (freed memory is reused sooner, so far fewer page faults:
# a use after free is still caught within the last 16 MB freed, which is many inputs back) and
# shorter allocation stacks: the session target runs about twice as fast.
# Two frames of allocation stack, not ASan's 30: ASan keeps every distinct allocation stack in a
# depot it never empties, and its fast unwinder follows frame pointers, which Qt and ICU are built
# without. Past the second frame it reads whatever the register holds, so calls into Qt make
# "new" stacks without end: with 8 frames fuzz_mime added about 15 stacks (0.8 KB) per input,
# 2.2 million stacks and 123 MB after 150,000 inputs (1.3 GB after 1.8 million), while its live
# heap stayed at 26 MB; fuzz_mail about 1 KB per input. With 2 frames the depot holds a few hundred
# stacks and resident memory stays flat. A finding is replayed with full stacks by the CTest
# fuzz_replay_<target> of the ASan build.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=16:malloc_context_size=2:max_malloc_fill_size=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

work=$PWD
status=0
for target in "${targets[@]}"; do
    findings="$work/$dir/findings/$target"
    corpus="$work/$dir/corpus/$target"
    logs="$work/$dir/logs/$target" # -jobs=1 writes the fuzzer's own output to fuzz-0.log there
    mkdir -p "$findings" "$corpus" "$logs"
    rm -f "$logs/fuzz-0.log"
    options=()
    [ -n "${POP3LAB_FUZZ_RUNS:-}" ] && options+=("-runs=$POP3LAB_FUZZ_RUNS")
    [ -f "fuzz/$target.dict" ] && options+=("-dict=$work/fuzz/$target.dict")
    # A session input is a whole conversation: 256 octets is a login and eight commands (the
    # over-long line is reached by a flag of the input, not by its length).
    [ "$target" = session ] && options+=(-max_len=256)
    # The session refuses command lines over 255 octets before parsing them.
    [ "$target" = commandline ] && options+=(-max_len=300)
    # A few messages and their unique-id list; a message's header and a few lines; header words.
    [ "$target" = mbox ] && options+=(-max_len=1024)
    [ "$target" = message ] && options+=(-max_len=1024)
    [ "$target" = mime ] && options+=(-max_len=256)
    # A dozen trace lines: a login, a few commands and their replies.
    [ "$target" = trace ] && options+=(-max_len=4096)
    echo "== $target: $seconds s"
    (cd "$logs" && nice -n 19 "$work/$dir/fuzz/fuzz_$target" -max_total_time="$seconds" \
        -jobs=1 -workers=1 -print_final_stats=1 -artifact_prefix="$findings/" "${options[@]}" \
        "$corpus" "$work/fuzz/corpus/$target") >"$logs/driver.log" 2>&1 || true
    log="$logs/fuzz-0.log"
    if ls "$findings" | grep -q .; then
        status=1
        echo "   FINDING: $(ls "$findings" | tr '\n' ' ')in $findings (see $log)"
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
    echo "   executions: ${runs:-?}  exec/s: ${speed:-?}  ${cov:-cov: ?}  ${ft:-ft: ?}  ${corp:-}"
done
exit $status
