#!/usr/bin/env bash
# Speed and memory of the full analysis on 50 KB, 1 MB and 10 MB of Arabic text (the fixtures and
# the samples repeated, each copy's lines numbered so none is a duplicate):
#   1. natively (build/native/basira_bench --json: analysis and the JSON result);
#   2. the wasm module under node (tools/bench/bench_wasm.mjs, on the same bytes, once its times
#      are steady), with its time against native time measured in pairs (--native): the call end
#      to end and the module's own work, each pair's ratio, their median and the best time
#      against the best; then 10 MB against 1 MB, timed alternately (tools/bench/linearity.mjs),
#      natively and in wasm; and single sentences of one construction each, 300 KB against 3 MB,
#      natively (tools/bench/shapes.mjs);
#   3. 1 MB of ANERcorp's sentences (real news vocabulary), natively and under node;
#   4. the page in Chromium (tools/bench/bench_page.mjs): cold page-ready time, the five samples,
#      1 MB through the worker, and the transferred payload.
# Figures are printed, never asserted: tests never time anything.
#   bash tools/bench.sh [--no-page]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/native/basira_bench ] || bash tools/build.sh native
[ -f build/wasm/site/basira.wasm ] || bash tools/build.sh wasm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 51200 1048576 10485760; do
  repeat=5
  [ "$size" -gt 2000000 ] && repeat=2
  echo "== $size bytes"
  build/native/basira_bench --json --size "$size" --repeat "$repeat" --write "$tmp/text_$size.txt"
  node tools/bench/bench_wasm.mjs "$tmp/text_$size.txt" --repeat "$repeat" \
    --native build/native/basira_bench
done
# Linearity: 10 MB against 1 MB, timed alternately (natively and in wasm) so drift cancels.
echo "== 10 MB against 1 MB"
node tools/bench/linearity.mjs "$tmp/text_1048576.txt" "$tmp/text_10485760.txt" \
  --native build/native/basira_bench --rounds 5
# One sentence as long as the input, of one construction each (names, titles, a genealogy, quoted
# titles ...): where a rule that reads every candidate at each word would be quadratic.
echo "== one-sentence shapes, 300 KB against 3 MB"
node tools/bench/shapes.mjs --native build/native/basira_bench
# Real news vocabulary (the text above repeats some 2,000 word forms): 1 MB of ANERcorp's
# sentences, when ../shared is there.
anercorp=../shared/data/anercorp/normalized/anercorp_camel_train.conll
if [ -f "$anercorp" ]; then
  echo "== 1 MB of ANERcorp sentences"
  node tools/bench/conll_text.mjs "$anercorp" "$tmp/anercorp.txt" --size 1048576
  build/native/basira_bench --json --repeat 5 --write "$tmp/anercorp_bench.txt" "$tmp/anercorp.txt"
  node tools/bench/bench_wasm.mjs "$tmp/anercorp_bench.txt" --repeat 5 --native build/native/basira_bench
else
  echo "== (no ../shared: the ANERcorp figures are skipped)"
fi
if [ "${1:-}" != "--no-page" ] && [ -f tools/bench/bench_page.mjs ]; then
  echo "== the page in Chromium"
  node tools/bench/bench_page.mjs
fi
