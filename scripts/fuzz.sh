#!/usr/bin/env bash
# Short fuzzing run (issue 7, item 4): builds the libFuzzer targets with
# clang-14 (the `fuzz` preset, build/fuzz: ASan + UBSan + libFuzzer) and runs
# each one for a while on a copy of its seed corpus, so that the seeds in the
# repository stay as they are. Any crash, leak, timeout, out-of-memory or
# failed invariant fails the script; the input that did it is left in
# build/fuzz/artifacts/<target>/ and its path printed. Add it to
# fuzz/corpus/<target>/ once fixed: the corpus replays are CTest tests.
#
#   scripts/fuzz.sh [SECONDS per target, default 30] [TARGET ...]
#   FUZZ_RUNS=10000000 scripts/fuzz.sh 0 fuzz_socketio   # a fixed number of inputs
#
# Extra libFuzzer options can be given in FUZZ_ARGS (e.g. "-jobs=2").
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_socketio fuzz_metricsdecoder fuzz_metricsframe fuzz_csvreader fuzz_csvroundtrip)
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

# halt_on_error: the first report ends the run, with its stack.
# detect_leaks: libFuzzer checks every input that grew the allocation count.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

work=build/fuzz/work
status=0
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  artifacts="build/fuzz/artifacts/$t"
  rm -rf "$corpus"
  mkdir -p "$corpus" "$artifacts"
  cp fuzz/corpus/"$t"/* "$corpus"/
  options=(-timeout=1 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1
           -artifact_prefix="$artifacts/")
  [ -f "fuzz/dict/$t.dict" ] && options+=(-dict="fuzz/dict/$t.dict")
  if [ -n "${FUZZ_RUNS:-}" ]; then
    options+=(-runs="$FUZZ_RUNS")
  else
    options+=(-max_total_time="$seconds")
  fi
  echo "== $t: ${FUZZ_RUNS:+$FUZZ_RUNS inputs}${FUZZ_RUNS:-$seconds s}"
  log="$work/$t.log"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
  if "build/fuzz/fuzz/$t" "${options[@]}" ${FUZZ_ARGS:-} "$corpus" >"$log" 2>&1; then
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    status=1
    echo "FAILED: $t (log: $log)"
    tail -n 40 "$log"
  fi
done
exit $status
