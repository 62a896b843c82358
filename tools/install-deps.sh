#!/usr/bin/env bash
# Installs what basira needs to build, test and serve on Debian 12 (run as root).
# Idempotent: packages already present are left as they are; it says what it installs.
#   Debian: cmake ninja-build g++ emscripten (+ binaryen) libicu-dev icu-devtools
#           nlohmann-json3-dev libgtest-dev googletest dpkg-dev chromium nodejs npm
#           clang libclang-rt-14-dev (libFuzzer, ASan, UBSan: tools/fuzz.sh)
#   deb-src: a bookworm deb-src entry, so that tools/icu-wasm.sh can fetch ICU 72.1's source
#   npm:    package-lock.json with `npm ci`: the page's font (@fontsource/noto-naskh-arabic) and
#           @mozilla/readability (.html files), both copied into the site by the build;
#           and, for the tests, playwright-core, ajv and axe-core
set -euo pipefail
cd "$(dirname "$0")/.."

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: must run as root to install: $*" >&2
    exit 1
  fi
}

packages=(cmake ninja-build g++ emscripten binaryen libicu-dev icu-devtools nlohmann-json3-dev
          libgtest-dev googletest dpkg-dev chromium fonts-dejavu-core clang-format python3
          clang libclang-rt-14-dev)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/basira-deb-src.sources
added_src=0
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && \
   ! grep -qs '^deb-src' /etc/apt/sources.list; then
  need_root "a deb-src entry ($src_list)"
  echo "install-deps: adding $src_list (bookworm source packages, for ICU's source)"
  cat > "$src_list" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  added_src=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $added_src = 1 ]; then
  need_root "${missing[*]}"
  echo "install-deps: apt-get update"
  apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: Debian packages present: ${packages[*]}"
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@fontsource/noto-naskh-arabic ] ||
   [ ! -d node_modules/@mozilla/readability ] || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci (font, readability, playwright-core, axe-core; no browser download: tests use /usr/bin/chromium)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
else
  echo "install-deps: npm packages present (node_modules)"
fi
