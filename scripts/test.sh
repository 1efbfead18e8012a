#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs what is missing (apt packages, the test gateway's npm packages),
# builds with warnings as errors, and runs every test with CTest (unit,
# model, widget tests offscreen, and integration tests against a real
# socket.io gateway and a real redis-server that the tests start themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release --timeout 600 "$@"
