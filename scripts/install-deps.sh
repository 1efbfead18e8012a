#!/usr/bin/env bash
# Installs what Meeting Monitor needs to build, run and test on Debian 12,
# skipping what is already there. Safe to run again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev
  qt6-websockets-dev qtkeychain-qt6-dev nlohmann-json3-dev libgtest-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libgl1-mesa-dev libxkbcommon0 fonts-dejavu-core libqt6svg6
  xvfb xauth redis-server
  nodejs npm sqlite3
  dpkg-dev desktop-file-utils appstream
  gnome-keyring libsecret-1-0 dbus-daemon openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from outside Debian (nvm, NodeSource): then do not ask apt for it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
filtered=()
for p in "${missing[@]}"; do [ -n "$p" ] && filtered+=("$p"); done

if [ ${#filtered[@]} -gt 0 ]; then
  echo "Installing: ${filtered[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
fi

# The test gateway's npm packages, pinned by its lockfile.
here=$(cd "$(dirname "$0")/.." && pwd)
gateway="$here/tests/gateway"
if [ -f "$gateway/package-lock.json" ] && \
   { [ ! -f "$gateway/node_modules/.package-lock.json" ] || \
     [ "$gateway/package-lock.json" -nt "$gateway/node_modules/.package-lock.json" ]; }; then
  echo "Installing the test gateway's npm packages (npm ci)"
  (cd "$gateway" && npm ci --no-audit --no-fund --loglevel=error)
fi
