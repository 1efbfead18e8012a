#!/bin/sh
# run-with-session-bus.sh CONFIG PROGRAM [ARGS...]
# Runs PROGRAM on a private D-Bus session bus (dbus-run-session), never on
# the desktop's own bus. Exit code 77 (skipped) when dbus-run-session is
# missing (Debian package: dbus-daemon).
config=$1
shift
if ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "dbus-run-session not found (install dbus-daemon); skipping" >&2
  exit 77
fi
unset DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session --config-file="$config" -- "$@"
