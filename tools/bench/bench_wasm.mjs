// The wasm module under node on a text file: the same call the page's worker makes (analyze with
// a JSON request, a JSON result back), timed end to end, and with --native the module's own work
// in that call timed apart (see below).
//
//   node tools/bench/bench_wasm.mjs FILE [--repeat N]
//   BASIRA_SITE=DIR ...   another build's site instead of build/wasm/site (paired runs)
//   node tools/bench/bench_wasm.mjs FILE --native BIN [--repeat N]
//                         wasm against native time on the same bytes, measured in pairs: each
//                         pair is the best of 3 native runs (`BIN --json --exact --repeat 3 FILE`,
//                         basira_bench) and, right after, the best of 3 wasm calls end to end
//                         (what the page's worker waits for) and the best of 3 of the module's
//                         own work (the call without the request's encoding and the result's
//                         decoding in JavaScript); prints each pair's ratios and their medians.
//                         Then the best wasm time against the best native time of all pairs.
//                         The timed runs above are the pairs' first wasm calls. On a machine
//                         whose speed drifts from second to second, a ratio of two runs taken a
//                         minute apart says little, and a pair's can be off by 40 %: the best
//                         times are each build's undisturbed speed.
//
// Prints bytes, words, best and median ms, words/s, and the wasm heap (linear memory) after the
// runs. Before timing, the module is warmed up (tools/bench/warm.mjs) until its times are
// steady, as V8 compiles it with its optimizing tier in the background; the warm-up's times are
// printed, the first run's among them. FILE comes from `basira_bench --write FILE`, so both
// benchmarks analyze the same bytes.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import {describeWarmUp, warmUp} from './warm.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const site = resolve(process.env.BASIRA_SITE || join(root, 'build/wasm/site'));
const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--repeat' &&
                               args[i - 1] !== '--native');
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1])) : 5;
const nativeAt = args.indexOf('--native');
const native = nativeAt >= 0 && args[nativeAt + 1] ? resolve(args[nativeAt + 1]) : null;
if (!file) {
  console.error('usage: node tools/bench/bench_wasm.mjs FILE [--repeat N] [--native BASIRA_BENCH]');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const createBasira = require(join(site, 'basira.js'));
const loadStart = performance.now();
const m = await createBasira({wasmBinary: readFileSync(join(site, 'basira.wasm'))});
const loadMs = performance.now() - loadStart;

const text = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);
const inputs = JSON.stringify([{name: 'bench', text}]);
const options = JSON.stringify({max_bytes: bytes + 1});
const times = [];
let words = 0;
let jsonBytes = 0;
const warmTimes = warmUp(() => m.analyze(inputs, options));
const firstMs = warmTimes[0];
// basira_bench's best time in ms on FILE's exact bytes.
function nativeMs() {
  const out = execFileSync(native, ['--json', '--exact', '--repeat', '3', file], {encoding: 'utf8'});
  const best = /best ([0-9.]+) ms/.exec(out);
  if (!best) {
    console.error(`bench_wasm: no time in the output of ${native}:\n${out}`);
    process.exit(1);
  }
  return Number(best[1]);
}
// The module's own work in one call, timed without the JavaScript around it (the request's
// UTF-8 encoding before, the result's decoding into a string after): the request parsed, the
// analysis, the result's JSON written, as basira_bench times analysis and JSON natively.
const encoded = new TextEncoder().encode(inputs);
function moduleMs() {
  const at = m.inputBuffer(encoded.length);
  m.HEAPU8.set(encoded, at);
  const start = performance.now();
  m.analyzeBuffer(encoded.length, options, null);
  const ms = performance.now() - start;
  m.releaseOutput();
  return ms;
}
const bestOf = (n, run) => Math.min(...Array.from({length: n}, run));
// The middle value; of an even count, the mean of the two middle ones (of two pairs, not the
// larger).
const medianOf = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const ratios = [];
for (let r = 0; r < repeat; ++r) {
  const nativeTime = native ? nativeMs() : 0;
  const start = performance.now();
  const out = m.analyze(inputs, options);
  times.push(performance.now() - start);
  if (native) {
    const wasmBest = Math.min(times[times.length - 1], bestOf(2, () => {
      const again = performance.now();
      m.analyze(inputs, options);
      return performance.now() - again;
    }));
    ratios.push({wasm: wasmBest, module: bestOf(3, moduleMs), native: nativeTime});
  }
  const result = JSON.parse(out);
  if (result.error) {
    console.error(`bench_wasm: ${result.error.message}`);
    process.exit(1);
  }
  words = result.stats.words;
  jsonBytes = out.length;
}
const best = Math.min(...times);
const median = medianOf(times);
const heapMb = m.HEAP8 ? m.HEAP8.length / 1048576 : NaN;
console.log(`bench_wasm: ${bytes} bytes, ${words} words, JSON ${jsonBytes} chars; module ready in ` +
            `${loadMs.toFixed(0)} ms`);
console.log(`  warm-up: ${describeWarmUp(warmTimes)}`);
console.log(`  first run ${firstMs.toFixed(1)} ms; after the warm-up: best ${best.toFixed(1)} ms, ` +
            `median ${median.toFixed(1)} ms of ${repeat} runs`);
console.log(`  ${(words / best).toFixed(0)} K words/s, ${(bytes / best / 1e3).toFixed(1)} MB/s (best)`);
console.log(`  wasm heap ${Number.isNaN(heapMb) ? 'n/a' : heapMb.toFixed(1) + ' MB'}, ` +
            `node RSS ${(process.memoryUsage().rss / 1048576).toFixed(1)} MB`);
if (native) {
  const bestNative = Math.min(...ratios.map((p) => p.native));
  for (const [what, key] of [['the call, end to end', 'wasm'], ['in the module', 'module']]) {
    const pairs = ratios.map((p) => `${p[key].toFixed(0)}/${p.native.toFixed(0)}=` +
                                    `${(p[key] / p.native).toFixed(2)}`);
    const bestWasm = Math.min(...ratios.map((p) => p[key]));
    console.log(`  wasm/native time, ${what}, in pairs (ms): ${pairs.join(', ')}; ` +
                `median ${medianOf(ratios.map((p) => p[key] / p.native)).toFixed(2)} ×; ` +
                `best against best ${bestWasm.toFixed(0)}/${bestNative.toFixed(0)}=` +
                `${(bestWasm / bestNative).toFixed(2)} ×`);
  }
}
