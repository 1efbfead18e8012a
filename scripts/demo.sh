#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running Meeting Monitor:
# installs what is missing, builds, and starts the window on the built-in
# demo gateway (a simulated fleet on loopback, spoken to by the real client).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec ./build/release/widgets/meeting-monitor --demo "$@"
