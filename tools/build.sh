#!/usr/bin/env bash
# Builds basira: `tools/build.sh native`, `tools/build.sh wasm`, or both (no argument).
#   native -> build/native/basira (CLI), build/native/tests/basira_tests
#   wasm   -> build/wasm/site (the page: index.html, app.js, worker.js, basira.js, basira.wasm),
#             build/wasm/tests/basira_tests.js (the same tests, for node)
# ICU for wasm and the trimmed ICU data are built once into ~/.cache/basira (BASIRA_CACHE).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/emscripten-env.sh
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm)
for t in "${targets[@]}"; do
  case "$t" in
    native|wasm) ;;
    *) echo "build: unknown target '$t' (native, wasm)" >&2; exit 2 ;;
  esac
  echo "== build $t"
  cmake --preset "$t" >/dev/null
  cmake --build --preset "$t"
done
