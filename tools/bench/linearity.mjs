// Whether time grows linearly with the input: a small and a large text (1 MB and 10 MB from
// `basira_bench --write`), timed alternately, natively and in the wasm module under node, so that
// each ratio compares runs taken seconds apart (this machine's speed drifts by up to 40 % from one
// second to the next: a ratio of two runs taken minutes apart says little).
//
//   node tools/bench/linearity.mjs SMALL LARGE --native BIN [--rounds N]
//
// Each round: the best of 5 native runs on SMALL and the best of 2 on LARGE
// (`BIN --json --exact`, basira_bench), then the same in the wasm module (warmed up first, as in
// bench_wasm.mjs). Prints each round's LARGE/SMALL time ratio, natively and in wasm, their
// medians, and the ratio of the sizes (bytes and words) they should be compared with. Figures
// are printed, never asserted.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import {warmUp} from './warm.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const site = resolve(process.env.BASIRA_SITE || join(root, 'build/wasm/site'));
const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const files =
    args.filter((a, i) => !a.startsWith('--') && !['--native', '--rounds'].includes(args[i - 1]));
const native = valueOf('--native') ? resolve(valueOf('--native')) : null;
const rounds = Math.max(1, Number(valueOf('--rounds') || 5));
if (files.length !== 2 || !native) {
  console.error('usage: node tools/bench/linearity.mjs SMALL LARGE --native BASIRA_BENCH [--rounds N]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const createBasira = require(join(site, 'basira.js'));
const m = await createBasira({wasmBinary: readFileSync(join(site, 'basira.wasm'))});

const texts = files.map((file) => {
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  return {
    file,
    bytes,
    inputs: JSON.stringify([{name: 'bench', text}]),
    options: JSON.stringify({max_bytes: bytes + 1}),
    words: 0,
  };
});

// One wasm analysis in ms; fails loudly on an error result.
function wasmRun(t) {
  const start = performance.now();
  const out = m.analyze(t.inputs, t.options);
  const ms = performance.now() - start;
  const result = JSON.parse(out);
  if (result.error) {
    console.error(`linearity: ${result.error.message}`);
    process.exit(1);
  }
  t.words = result.stats.words;
  return ms;
}

function wasmBest(t, runs) {
  let best = Infinity;
  for (let r = 0; r < runs; ++r) best = Math.min(best, wasmRun(t));
  return best;
}

// basira_bench's best time in ms on a file's exact bytes.
function nativeBest(t, runs) {
  const out = execFileSync(native, ['--json', '--exact', '--repeat', String(runs), t.file],
                           {encoding: 'utf8'});
  const best = /best ([0-9.]+) ms/.exec(out);
  if (!best) {
    console.error(`linearity: no time in the output of ${native}:\n${out}`);
    process.exit(1);
  }
  return Number(best[1]);
}

// Warm-up until the optimized code is in place (tools/bench/warm.mjs), on both texts.
warmUp(() => wasmRun(texts[0]));
warmUp(() => wasmRun(texts[1]), {minRuns: 2, minMs: 0});

const nativeRatios = [];
const wasmRatios = [];
const rows = [];
for (let r = 0; r < rounds; ++r) {
  const ns = nativeBest(texts[0], 5);
  const nl = nativeBest(texts[1], 2);
  const ws = wasmBest(texts[0], 5);
  const wl = wasmBest(texts[1], 2);
  nativeRatios.push(nl / ns);
  wasmRatios.push(wl / ws);
  rows.push(`native ${nl.toFixed(0)}/${ns.toFixed(0)}=${(nl / ns).toFixed(2)}, ` +
            `wasm ${wl.toFixed(0)}/${ws.toFixed(0)}=${(wl / ws).toFixed(2)}`);
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const [small, large] = texts;
console.log(`linearity: ${large.bytes} against ${small.bytes} bytes ` +
            `(${(large.bytes / small.bytes).toFixed(2)} × the bytes, ` +
            `${(large.words / small.words).toFixed(2)} × the words)`);
console.log(`  time ratio by round (ms): ${rows.join('; ')}`);
console.log(`  median time ratio: native ${median(nativeRatios).toFixed(2)} ×, ` +
            `wasm ${median(wasmRatios).toFixed(2)} ×`);
