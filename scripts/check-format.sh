#!/usr/bin/env bash
# Fails, naming the files, when a C++ file of the project is not formatted as .clang-format says.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed; scripts/test.sh installs it"; exit 1; }
bad=()
while IFS= read -r f; do
    [ -f "$f" ] || continue
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'benchmarks/*.cpp' 'benchmarks/*.h' 'fuzz/*.cpp' 2>/dev/null \
         || find src tests benchmarks -name '*.cpp' -o -name '*.h')
if [ ${#bad[@]} -gt 0 ]; then
    echo "not clang-formatted (run: clang-format -i FILE):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "all C++ files are clang-formatted"
