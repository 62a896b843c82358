#!/usr/bin/env bash
# Installs what is missing, builds the native, wasm and fuzz targets and runs every test:
#   1. formatting (clang-format, the committed .clang-format)
#   2. native: the GoogleTest suite (ctest)
#   3. wasm: the same suite under node, and native == wasm on fixtures and samples (ctest)
#   4. browser: the page in Debian's Chromium with playwright-core (node --test)
#   5. fuzz: a short libFuzzer pass on the three fuzz targets (tools/fuzz.sh; FUZZ_SECONDS, default
#      20 each)
# Tests that need ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash tools/install-deps.sh
bash tools/check-format.sh
bash tools/build.sh native wasm
echo "== native tests"
ctest --preset native
echo "== wasm tests (node)"
ctest --preset wasm
echo "== browser tests (chromium)"
node --test tests/browser/
echo "== fuzz (libFuzzer, ASan + UBSan)"
bash tools/fuzz.sh "${FUZZ_SECONDS:-20}"
echo "test: everything passed in $(( $(date +%s) - start )) s"
