#!/usr/bin/env bash
# `basira analyze` on a 50 MiB file: exit status 1, a JSON error on stdout and a message on stderr
# that both state the limit (32 MiB by default).
#   tests/cli_too_large.sh BASIRA_CLI WORK_DIR
set -euo pipefail
cli=$1
work=$2
mkdir -p "$work"
big=$work/fifty_mib.txt
[ "$(stat -c %s "$big" 2>/dev/null || echo 0)" = 52428800 ] ||
  head -c 52428800 /dev/zero | tr '\0' 'a' >"$big"
status=0
"$cli" analyze "$big" >"$work/stdout" 2>"$work/stderr" || status=$?
fail() {
  echo "cli_too_large: $*" >&2
  echo "stdout: $(head -c 500 "$work/stdout")" >&2
  echo "stderr: $(cat "$work/stderr")" >&2
  exit 1
}
[ "$status" = 1 ] || fail "exit status $status, expected 1"
limit='the limit is 33,554,432 bytes (32 MiB)'
grep -qF "$limit" "$work/stderr" || fail "stderr does not state the limit"
grep -qF '"code":"input_too_large"' "$work/stdout" || fail "stdout holds no input_too_large error"
grep -qF "$limit" "$work/stdout" || fail "the JSON error does not state the limit"
echo "cli_too_large: exit 1, $(cat "$work/stderr")"
