#!/usr/bin/env bash
# Sets up (see setup.sh: warnings are errors, the benchmarks are built) with the tools the tests
# use, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
# The real clients the tests run against the server: Python's poplib, curl, fetchmail, openssl
# s_client, mpop (over STLS and POP3S too), getmail, mutt, Perl's Net::POP3, plink (putty-tools);
# the package checks' tools (tests/package).
scripts/setup.sh python3 curl fetchmail openssl mpop getmail6 mutt perl putty-tools clang-format \
    dpkg-dev lintian desktop-file-utils appstream
BUILD_DIR=${POP3LAB_BUILD_DIR:-build}
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" "$@"
