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
  nodejs npm sqlite3 libsqlite3-dev
  dpkg-dev desktop-file-utils appstream
  gnome-keyring libsecret-1-0 dbus-daemon openssl
  poppler-utils
  clang-14 libclang-rt-14-dev llvm-14
  chromium
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

# npm packages, each folder pinned by its lockfile: the test gateway, and the
# web comparison benchmark (bench/web: load gateway, the plan's page, and
# playwright-core, which drives Debian's chromium and never downloads one).
here=$(cd "$(dirname "$0")/.." && pwd)
for dir in "$here/tests/gateway" "$here/bench/web"; do
  if [ -f "$dir/package-lock.json" ] && \
     { [ ! -f "$dir/node_modules/.package-lock.json" ] || \
       [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
    echo "Installing the npm packages of ${dir#"$here"/} (npm ci)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
done
