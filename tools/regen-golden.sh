#!/usr/bin/env bash
# Rewrites tests/golden/expected/*.json from the native CLI's output on tests/fixtures/*.txt.
# Run after a deliberate change to the output, then review `git diff tests/golden/expected`.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(realpath -m "${BASIRA_NATIVE:-build/native/basira}")
[ -x "$cli" ] || { echo "regen-golden: build the native preset first ($cli)" >&2; exit 1; }
cd tests/fixtures
for f in *.txt; do
  "$cli" analyze --tokens "$f" > "../golden/expected/${f%.txt}.json"
  echo "regen-golden: tests/golden/expected/${f%.txt}.json"
done
