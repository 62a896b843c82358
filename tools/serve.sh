#!/usr/bin/env bash
# Installs what is missing, builds the page (wasm) and serves it on http://127.0.0.1:8080/
# (PORT=N to choose another port). Everything the page needs is served from this one origin.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh wasm
exec node tools/serve.mjs --port "${PORT:-8080}"
