#!/usr/bin/env bash
# Packs the trimmed ICU data basira links in: the items listed in data/icu/items.txt, taken from
# ICU 72.1's own icudt72l.dat with icupkg, cached outside the build tree as
#   $BASIRA_CACHE/icudata-<key>/icudt72l.dat   (the name must stay icudt72l.dat: its TOC says so)
# Prints the file's path on its last line and its size on stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
items="$here/../data/icu/items.txt"
cache=${BASIRA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/basira}
key=$(cat "$0" "$items" | sha256sum | cut -c1-12)
out="$cache/icudata-$key"
if [ ! -f "$out/icudt72l.dat" ]; then
  src="$cache/src/icu-72.1/source"
  if [ ! -f "$src/data/in/icudt72l.dat" ]; then
    echo "icu-data: fetching Debian's ICU 72.1 source (apt-get source icu)" >&2
    mkdir -p "$cache/src"
    (cd "$cache/src" && apt-get source -qq icu >&2)
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/items" "$work/new"
  # icupkg reads a list only from a file whose name ends in .txt.
  grep -vE '^\s*(#|$)' "$items" > "$work/items/list.txt"
  icupkg -d "$work/items" -x "$work/items/list.txt" "$src/data/in/icudt72l.dat"
  (cd "$work/items" && icupkg --ignore-deps -tl -a list.txt new ../new/icudt72l.dat)
  mkdir -p "$out"
  mv "$work/new/icudt72l.dat" "$out/icudt72l.dat"
fi
echo "icu-data: $(wc -l < <(grep -vE '^\s*(#|$)' "$items")) items, $(stat -c %s "$out/icudt72l.dat") bytes" >&2
echo "$out/icudt72l.dat"
