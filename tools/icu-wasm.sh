#!/usr/bin/env bash
# Makes ICU 72.1 for WebAssembly once and caches it outside every build tree:
#   $BASIRA_CACHE/icu-72.1-wasm-<key>/{lib/libicuuc.a,lib/libicui18n.a,include/unicode/}
# where <key> hashes this script and tools/icu-wasm/CMakeLists.txt, so a change to the flags makes a
# new build and an unchanged one is never rebuilt. Prints the install prefix on its last line.
# BASIRA_CACHE defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/basira.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${BASIRA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/basira}
key=$(cat "$0" "$here/icu-wasm/CMakeLists.txt" "$here/emscripten-env.sh" | sha256sum | cut -c1-12)
prefix="$cache/icu-72.1-wasm-$key"

if [ -f "$prefix/.complete" ]; then
  echo "icu-wasm: cached at $prefix" >&2
  echo "$prefix"
  exit 0
fi

src_root="$cache/src"
src="$src_root/icu-72.1/source"
if [ ! -f "$src/common/unicode/uversion.h" ]; then
  echo "icu-wasm: fetching Debian's ICU 72.1 source (apt-get source icu)" >&2
  mkdir -p "$src_root"
  (cd "$src_root" && apt-get source -qq icu >&2)
fi
grep -q 'U_ICU_VERSION "72.1"' "$src/common/unicode/uvernum.h" || {
  echo "icu-wasm: $src is not ICU 72.1" >&2
  exit 1
}

# shellcheck source=emscripten-env.sh
. "$here/emscripten-env.sh"
build="$cache/icu-wasm-build-$key"
echo "icu-wasm: compiling ICU common + i18n with em++ (a few minutes, once)" >&2
start=$(date +%s)
cmake -S "$here/icu-wasm" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$here/../emsdk-toolchain.cmake" -DICU_SOURCE_DIR="$src" \
  -DCMAKE_INSTALL_PREFIX="$prefix" >&2
cmake --build "$build" -j "$(nproc)" >&2
cmake --install "$build" >&2
touch "$prefix/.complete"
rm -rf "$build"
echo "icu-wasm: built in $(( $(date +%s) - start )) s into $prefix" >&2
echo "$prefix"
