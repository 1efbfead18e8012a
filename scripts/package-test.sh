#!/usr/bin/env bash
# Builds the Debian package from a release build folder, checks what it
# ships (control fields, files, .desktop, AppStream metainfo, icons), then
# installs it with apt-get, runs it from /usr/bin without a display, checks
# the recorder's systemd unit, and removes it again, so the machine is left
# as it was (dependencies that the install pulled in are removed too).
#
#   scripts/package-test.sh [--no-install] [BUILD_DIR]     (default build/release)
#
# Needs: cmake (cpack), dpkg-dev (dpkg-shlibdeps), desktop-file-utils,
# appstream; systemd for `systemd-analyze verify` (skipped without it); root
# and apt-get for the install part. Exit status: 0 all passed, 1 a check
# failed, 77 the install part was skipped (not root / no apt-get).
# pass/fail always succeed, so "check && pass || fail" is an if-else (SC2015);
# the cleanup functions run from the EXIT trap (SC2317).
# shellcheck disable=SC2015,SC2317
set -uo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
install_part=1
build_dir=""
for arg in "$@"; do
  case "$arg" in
    --no-install) install_part=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "package-test: unknown option $arg" >&2; exit 2 ;;
    *) build_dir=$arg ;;
  esac
done
build_dir=$(cd "${build_dir:-$here/build/release}" 2>/dev/null && pwd) || {
  echo "FAIL build folder ${build_dir:-$here/build/release} does not exist (cmake --preset release)"
  exit 1
}

app_id=io.github.meetingmonitor.MeetingMonitor
package=meeting-monitor
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
skip() { echo "SKIP $*"; }
indent() { sed 's/^/    /'; }
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "package-test: $failures check(s) failed"
    exit 1
  fi
  echo "package-test: all checks passed"
  exit "${1:-0}"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/mm-package-test.XXXXXX")
installed_by_us=0
before_list="$work/packages-before"
cleanup() {
  # Runs on every exit, also after a failure or Ctrl-C: never leave the
  # package (or what it pulled in) installed.
  if [ "$installed_by_us" = 1 ]; then
    remove_package
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

installed_packages() {
  dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' | awk '$1 ~ /^.i/ { print $2 }' | sort
}

remove_package() {
  installed_by_us=0
  export DEBIAN_FRONTEND=noninteractive
  if apt-get remove --purge -y -qq "$package" >"$work/apt-remove.log" 2>&1; then
    pass "apt-get remove --purge $package"
  else
    fail "apt-get remove --purge $package:"; indent <"$work/apt-remove.log"
  fi
  # What the install pulled in and nothing else: the difference of the
  # package lists before and after, not apt-get autoremove (which would also
  # take packages that were removable before this test).
  local extra
  extra=$(comm -13 "$before_list" <(installed_packages) | tr '\n' ' ')
  if [ -n "${extra// /}" ]; then
    # shellcheck disable=SC2086 # a list of package names
    if apt-get remove --purge -y -qq $extra >"$work/apt-remove-deps.log" 2>&1; then
      pass "removed the dependencies the install added: $extra"
    else
      fail "removing the dependencies the install added ($extra):"
      indent <"$work/apt-remove-deps.log"
    fi
  fi
  if comm -3 "$before_list" <(installed_packages) | grep -q .; then
    fail "the installed packages differ from before the test:"
    comm -3 "$before_list" <(installed_packages) | indent
  else
    pass "the installed packages are the same as before the test"
  fi
  if [ -e /usr/bin/meeting-monitor ]; then
    fail "/usr/bin/meeting-monitor is still there after the removal"
  fi
}

# 1. Tools -------------------------------------------------------------------
missing=""
for tool in cpack:cmake dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev \
            desktop-file-validate:desktop-file-utils appstreamcli:appstream; do
  command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
  fail "tools missing; install the Debian packages:$missing"
  finish
fi

# 2. Build and package -------------------------------------------------------
echo "package-test: building $build_dir"
if cmake --build "$build_dir" >"$work/build.log" 2>&1; then
  pass "build"
else
  fail "build:"; tail -n 40 "$work/build.log" | indent
  finish
fi
out="$build_dir/package"
rm -rf "$out"
if cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$out" >"$work/cpack.log" 2>&1; then
  pass "cpack -G DEB"
else
  fail "cpack -G DEB:"; indent <"$work/cpack.log"
  finish
fi
debs=("$out"/*.deb)
if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  fail "expected one .deb in $out, found: ${debs[*]}"
  finish
fi
deb=${debs[0]}
echo "package-test: $deb ($(du -h "$deb" | cut -f1))"

# 3. Control fields ----------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
for name in Package Version Architecture Maintainer Section Priority Homepage Description Depends; do
  [ -n "$(field "$name")" ] && pass "control field $name: $(field "$name" | head -n 1)" \
                              || fail "control field $name is missing"
done
[ "$(field Package)" = "$package" ] || fail "Package is '$(field Package)', not $package"
# The long description: at least one line after the synopsis.
[ "$(field Description | wc -l)" -ge 3 ] && pass "long description present" \
                                          || fail "Description has no long description"
depends=$(field Depends)
# A package name as a whole alternative of Depends (names may hold + and .).
has_dependency() {
  tr ',|' '\n' <<<"$depends" | awk -v want="$1" '$1 == want { found = 1 } END { exit !found }'
}
# The run-time plugins that dpkg-shlibdeps cannot see.
for dep in libqt6svg6 libqt6sql6-sqlite; do
  has_dependency "$dep" && pass "Depends has $dep (plugin)" || fail "Depends lacks $dep (Depends: $depends)"
done

# 4. Files -------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
# Every library the binary links must come from a package in Depends: proof
# that dpkg-shlibdeps ran and saw them all (readelf: binutils, from dpkg-dev).
needed=$(LC_ALL=C readelf -d "$root/usr/bin/meeting-monitor" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "cannot read the libraries /usr/bin/meeting-monitor links"
for soname in $needed; do
  path=$(ldconfig -p | awk -v so="$soname" '$1 == so { print $NF; exit }')
  owner=""
  # dpkg knows a file by the path its package ships, which with merged /usr
  # may be the link or its target.
  for candidate in "$path" "$(readlink -f "$path")"; do
    [ -n "$path" ] && [ -z "$owner" ] && \
      owner=$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1)
  done
  if [ -z "$owner" ]; then
    fail "no installed package provides $soname"
  elif has_dependency "$owner"; then
    pass "Depends has $owner (for $soname)"
  else
    fail "Depends lacks $owner, which provides $soname"
  fi
done

expect_files=(
  usr/bin/meeting-monitor
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/lib/systemd/user/meeting-monitor-recorder.service
  usr/share/doc/meeting-monitor/copyright
  usr/share/doc/meeting-monitor/examples/recorder.env
)
icon_sizes=(16 32 48 64 128 256)
for size in "${icon_sizes[@]}"; do
  expect_files+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for f in "${expect_files[@]}"; do
  [ -f "$root/$f" ] && pass "ships /$f" || fail "does not ship /$f"
done
# Everything under /usr, owned by root in the archive.
if dpkg-deb -c "$deb" | awk '{ print $2, $6 }' | grep -Ev '^root/root \./(usr(/|$)|$)' | grep -q .; then
  fail "files outside /usr or not owned by root/root:"
  dpkg-deb -c "$deb" | awk '{ print $2, $6 }' | grep -Ev '^root/root \./(usr(/|$)|$)' | indent
else
  pass "all files under /usr, owned by root"
fi
if [ -f "$root/usr/bin/meeting-monitor" ]; then
  # readelf comes with binutils, which dpkg-dev depends on.
  if LC_ALL=C readelf -S "$root/usr/bin/meeting-monitor" | grep -q '\.debug_info'; then
    fail "the binary still carries debug info (CPACK_STRIP_FILES)"
  else
    pass "the binary is stripped"
  fi
fi

# PNG width and height are big-endian 32-bit numbers at bytes 16 and 20.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*2^24+$2*2^16+$3*2^8+$4, $5*2^24+$6*2^16+$7*2^8+$8 }'; }
for size in "${icon_sizes[@]}"; do
  f="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  [ -f "$f" ] || continue
  if [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
    fail "${size}x${size} icon is not a PNG"
  elif [ "$(png_size "$f")" = "${size}x${size}" ]; then
    pass "${size}x${size} icon is a ${size}x${size} PNG"
  else
    fail "${size}x${size} icon is $(png_size "$f")"
  fi
done

# 5. Validators, on the files as shipped --------------------------------------
desktop="$root/usr/share/applications/$app_id.desktop"
if out_text=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out_text" ]; then
  pass "desktop-file-validate"
else
  fail "desktop-file-validate:"; indent <<<"$out_text"
fi
grep -q "^Icon=$app_id$" "$desktop" && pass "desktop entry names the icon $app_id" \
                                     || fail "desktop entry's Icon= is not $app_id"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
if out_text=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
  pass "appstreamcli validate --no-net"
else
  fail "appstreamcli validate --no-net:"; indent <<<"$out_text"
fi
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  && pass "metainfo launches $app_id.desktop" || fail "metainfo's launchable is not $app_id.desktop"
grep -q '<release version="'"$(field Version | sed 's/-[^-]*$//')"'"' "$metainfo" \
  && pass "metainfo has a release entry for version $(field Version)" \
  || fail "metainfo has no <release> for version $(field Version)"
unit="$root/usr/lib/systemd/user/meeting-monitor-recorder.service"
if grep -q '^ExecStart=/usr/bin/meeting-monitor record ' "$unit"; then
  pass "recorder unit runs /usr/bin/meeting-monitor record"
else
  fail "recorder unit's ExecStart is not /usr/bin/meeting-monitor record:"; grep '^ExecStart' "$unit"
fi
if grep -Eiq '^[^#]*MEETING_MONITOR_TOKEN=' "$unit"; then
  fail "recorder unit sets a token"
else
  pass "recorder unit carries no token"
fi

if [ "$install_part" = 0 ]; then
  finish
fi

# 6. Install, run, remove ------------------------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  skip "install test: needs root and apt-get"
  finish 77
fi
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  skip "install test: $package is already installed here; not touching it"
  finish 77
fi
installed_packages >"$before_list"
export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: a keyring daemon and Wayland plugin are not
# needed to prove that the package installs and runs.
installed_by_us=1
if apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt-install.log" 2>&1; then
  pass "apt-get install $(basename "$deb")"
else
  fail "apt-get install:"; indent <"$work/apt-install.log"
  finish
fi

version=$(field Version | sed 's/-[^-]*$//')
# No display: the application must answer --version and the recorder
# --help without one.
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$work/home" "$@"; }
mkdir -p "$work/home"
if out_text=$(run /usr/bin/meeting-monitor --version 2>&1) && grep -q "$version" <<<"$out_text"; then
  pass "/usr/bin/meeting-monitor --version: $out_text"
else
  fail "/usr/bin/meeting-monitor --version (expected $version): $out_text"
fi
if out_text=$(run /usr/bin/meeting-monitor record --help 2>&1) && grep -q -- '--gateway' <<<"$out_text" \
   && grep -q -- '--token-file' <<<"$out_text"; then
  pass "/usr/bin/meeting-monitor record --help"
else
  fail "/usr/bin/meeting-monitor record --help: $out_text"
fi
run /usr/bin/meeting-monitor record >/dev/null 2>&1
status=$?
[ "$status" = 2 ] && pass "meeting-monitor record without options is a usage error (2)" \
                  || fail "meeting-monitor record without options exited $status, not 2"

if command -v systemd-analyze >/dev/null; then
  # --user needs a runtime folder; a throwaway one keeps the real session out.
  mkdir -m 700 "$work/runtime"
  if out_text=$(XDG_RUNTIME_DIR="$work/runtime" HOME="$work/home" \
                systemd-analyze --user verify /usr/lib/systemd/user/meeting-monitor-recorder.service 2>&1) \
     && [ -z "$out_text" ]; then
    pass "systemd-analyze --user verify meeting-monitor-recorder.service"
  else
    fail "systemd-analyze --user verify:"; indent <<<"$out_text"
  fi
else
  skip "systemd-analyze verify: systemd is not installed"
fi

# The unit's ExecStartPre commands, run the way systemd would run them
# ($$ and %% unescaped, /bin/sh -c '...'), with the unit's variables.
unit_file=/usr/lib/systemd/user/meeting-monitor-recorder.service
run_unit_pre() {
  local line script
  while IFS= read -r line; do
    script=$(sed -e 's/\$\$/$/g' -e 's/%%/%/g' -e "s/^\/bin\/sh -c '//" -e "s/'\$//" <<<"$line")
    MEETING_MONITOR_DB=$1 MEETING_MONITOR_TOKEN_FILE=$2 sh -c "$script" 2>/dev/null || return 1
  done < <(sed -n 's/^ExecStartPre=//p' "$unit_file")
}
token="$work/token"
printf 'x\n' >"$token"
chmod 600 "$token"
db="$work/home/.local/share/meeting-monitor/recorder.sqlite"
run_unit_pre "$db" "$token" && pass "unit's start checks accept a 0600 token file" \
                            || fail "unit's start checks refuse a 0600 token file"
[ -d "$(dirname "$db")" ] && pass "unit's start checks create the database folder" \
                          || fail "unit's start checks did not create $(dirname "$db")"
chmod 640 "$token"
run_unit_pre "$db" "$token" && fail "unit's start checks accept a group-readable token file" \
                            || pass "unit's start checks refuse a group-readable token file"
chmod 604 "$token"
run_unit_pre "$db" "$token" && fail "unit's start checks accept a world-readable token file" \
                            || pass "unit's start checks refuse a world-readable token file"

remove_package
finish
