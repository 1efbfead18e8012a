#!/bin/sh
# Runs the keychain tests (test_keychain) against a real Secret Service, each
# scenario in its own private D-Bus session with a throwaway HOME and
# XDG_RUNTIME_DIR, so that nothing touches the user's real keyring:
#   service    gnome-keyring-daemon --unlock: store, read, delete, no trace in HOME
#   locked     the same, then every collection locked through D-Bus
#   noservice  a session bus that cannot start any service
#   nobus      no session bus at all
#   hung       a fake org.freedesktop.secrets that never answers
#   late       the fake answers, but only after the 5 s watchdog
# Needs: dbus-daemon (dbus-run-session), gnome-keyring, libsecret-1-0.
# Usage: run-keychain-tests.sh TEST_BINARY FAKE_SECRET_SERVICE_BINARY
set -eu

test_bin=${1:?usage: $0 TEST_BINARY FAKE_SECRET_SERVICE_BINARY}
fake_bin=${2:?usage: $0 TEST_BINARY FAKE_SECRET_SERVICE_BINARY}

missing=
for tool in dbus-run-session dbus-daemon gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "run-keychain-tests: missing$missing (apt-get install dbus-daemon gnome-keyring libsecret-1-0)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/mm-keychain.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# A session bus that can start nothing: no service directory but an empty one.
mkdir -p "$work/no-services"
cat > "$work/nosvc.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$work</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$work/no-services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

failed=0

# run_scenario NAME BUS_CONFIG(or "standard" or "none") FILTER [SETUP [TEARDOWN]]
run_scenario() {
  name=$1 config=$2 filter=$3 setup=${4:-} teardown=${5:-}
  home="$work/$name/home"
  runtime="$work/$name/run"
  mkdir -p "$home" "$runtime"
  chmod 700 "$home" "$runtime"
  echo "== keychain scenario: $name"
  # A clean environment: no display (no unlock prompt can appear), no real
  # session bus, no XDG overrides that would point at the user's files.
  set -- env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u GNOME_KEYRING_CONTROL \
    -u MEETING_MONITOR_TOKEN \
    HOME="$home" XDG_RUNTIME_DIR="$runtime" MM_KEYCHAIN_SCENARIO="$name" \
    MM_FAKE_REPLY_LOG="$work/$name/replies" QT_QPA_PLATFORM=offscreen \
    MM_KEYRING_PASSWORD=mm-test-keyring-password
  # The test runs as a child, so that the teardown runs after it.
  inner="$setup
\"\$0\" --gtest_filter='$filter'
rc=\$?
$teardown
exit \$rc"
  case "$config" in
    none) "$@" sh -c "$inner" "$test_bin" || failed=1 ;;
    standard) "$@" dbus-run-session -- sh -c "$inner" "$test_bin" || failed=1 ;;
    *) "$@" dbus-run-session --config-file="$config" -- sh -c "$inner" "$test_bin" || failed=1 ;;
  esac
}

# The unlock recipe from the reliability notes: a new login keyring with this
# password, unlocked, secrets component only.
unlock='eval "$(printf %s "$MM_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL'

# The fake service's start-up, inside the session (it must join that bus).
fake() {
  echo "\"$fake_bin\" --ready-file \"$work/\$MM_KEYCHAIN_SCENARIO/ready\" --reply-after-ms $1 --reply-log \"\$MM_FAKE_REPLY_LOG\" &
fake=\$!
i=0; while [ ! -e \"$work/\$MM_KEYCHAIN_SCENARIO/ready\" ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i+1)); done
[ -e \"$work/\$MM_KEYCHAIN_SCENARIO/ready\" ] || { echo 'fake secret service did not start' >&2; exit 1; }"
}

run_scenario service standard 'KeychainService.*' "$unlock"
run_scenario locked standard 'KeychainLocked.*' "$unlock"
run_scenario noservice "$work/nosvc.conf" 'KeychainNoService.*'
run_scenario nobus none 'KeychainNoService.*'
stop_fake='kill $fake 2>/dev/null; wait $fake 2>/dev/null'
run_scenario hung "$work/nosvc.conf" 'KeychainHung.GivesUp*' "$(fake 0)" "$stop_fake"
run_scenario late "$work/nosvc.conf" 'KeychainHung.ALateAnswer*' "$(fake 7000)" "$stop_fake"

exit $failed
