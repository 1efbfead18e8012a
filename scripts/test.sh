#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs what is missing (apt packages, the test gateway's npm packages),
# builds with warnings as errors, and runs every test with CTest (unit,
# model, widget tests offscreen, and integration tests against a real
# socket.io gateway and a real redis-server that the tests start themselves),
# then a short fuzzing run and the whole suite again under ASan + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release --timeout 600 "$@"

# A short fuzzing run: every libFuzzer target for FUZZ_SECONDS (default 30)
# on a copy of its seed corpus (clang-14, ASan + UBSan; scripts/fuzz.sh).
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# (the `asan` preset, Debug; its test preset sets ASAN/UBSAN/LSAN_OPTIONS and
# the suppression file, tests/sanitizers/lsan.supp). MM_SKIP_ASAN=1 skips it
# for a quick local run, never in CI.
if [ "${MM_SKIP_ASAN:-0}" != 1 ]; then
  cmake --preset asan
  cmake --build --preset asan
  ctest --preset asan --timeout 900 "$@"
fi
