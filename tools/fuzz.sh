#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and runs each for N
# seconds (default 30), one job each, inputs up to 4096 bytes, 10 s per input at most.
# -entropic=0: with libFuzzer 14 on a binary this size, entropic scheduling's bookkeeping took
# half the time; plain scheduling about doubles the executions per second.
#   tools/fuzz.sh [seconds]
# Seeds: tools/fuzz/corpus/<target>/ (and tests/fixtures/ for fuzz_analyze). The corpora the runs
# grow are kept in build/fuzz/corpus/<target>/; crashes are written to build/fuzz/artifacts/ and
# fail the script. FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS=-runs=10000000).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
echo "== build fuzz"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
out=build/fuzz
mkdir -p "$out/artifacts"
status=0
for target in fuzz_analyze fuzz_request fuzz_json; do
  corpus=$out/corpus/$target
  mkdir -p "$corpus"
  seeds=(tools/fuzz/corpus/${target#fuzz_})
  [ "$target" = fuzz_analyze ] && seeds+=(tests/fixtures)
  log=$out/$target.log
  echo "== $target: ${seconds} s"
  if ! UBSAN_OPTIONS=print_stacktrace=1:${UBSAN_OPTIONS:-} \
      "$out/$target" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" \
      -entropic=0 -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" ${FUZZ_FLAGS:-} \
      "$corpus" "${seeds[@]}" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: $target FAILED (log: $log, artifacts: $out/artifacts/)" >&2
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  echo "fuzz: $target: ${runs:-?} executions, ${rate:-?} exec/s, corpus $(ls "$corpus" | wc -l) files"
done
exit $status
