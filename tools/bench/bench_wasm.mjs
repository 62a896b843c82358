// The wasm module under node on a text file: the same call the page's worker makes (analyze with
// a JSON request, a JSON result back), timed end to end.
//
//   node tools/bench/bench_wasm.mjs FILE [--repeat N]
//   BASIRA_SITE=DIR ...   another build's site instead of build/wasm/site (paired runs)
//   node tools/bench/bench_wasm.mjs FILE --native BIN [--repeat N]
//                         wasm against native time on the same bytes, measured in pairs: each
//                         pair is the best of 3 native runs (`BIN --json --exact --repeat 3 FILE`,
//                         basira_bench) and, right after, the best of 3 wasm runs; prints each
//                         pair's ratio and their median. The timed runs above are the pairs'
//                         first wasm runs. On a machine whose speed drifts from minute to minute,
//                         a ratio of two runs taken a minute apart says little.
//
// Prints bytes, words, best and median ms, words/s, and the wasm heap (linear memory) after the
// runs. Before timing, the module is warmed up (V8 first runs wasm in its baseline tier and
// optimizes hot functions later, in the background): the same text is analyzed untimed until
// 200 K words have gone through or 2 s have passed, as the page's worker warms up before the
// reader's first request. The first run's time is printed too. FILE comes from `basira_bench --write FILE`, so both benchmarks analyze the same bytes.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

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
const firstStart = performance.now();
const firstOut = m.analyze(inputs, options);
const firstMs = performance.now() - firstStart;
const firstWords = JSON.parse(firstOut).stats?.words || 0;
const warmStart = performance.now();
for (let done = firstWords; done < 200000 && performance.now() - warmStart < 2000; done += firstWords) {
  m.analyze(inputs, options);
  if (!firstWords) break;
}
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
const ratios = [];
for (let r = 0; r < repeat; ++r) {
  const nativeTime = native ? nativeMs() : 0;
  const start = performance.now();
  const out = m.analyze(inputs, options);
  times.push(performance.now() - start);
  if (native) {
    let wasmBest = times[times.length - 1];
    for (let k = 1; k < 3; ++k) {
      const again = performance.now();
      m.analyze(inputs, options);
      wasmBest = Math.min(wasmBest, performance.now() - again);
    }
    ratios.push({wasm: wasmBest, native: nativeTime});
  }
  const result = JSON.parse(out);
  if (result.error) {
    console.error(`bench_wasm: ${result.error.message}`);
    process.exit(1);
  }
  words = result.stats.words;
  jsonBytes = out.length;
}
times.sort((a, b) => a - b);
const best = times[0];
const median = times[Math.floor(times.length / 2)];
const heapMb = m.HEAP8 ? m.HEAP8.length / 1048576 : NaN;
console.log(`bench_wasm: ${bytes} bytes, ${words} words, JSON ${jsonBytes} chars; module ready in ` +
            `${loadMs.toFixed(0)} ms`);
console.log(`  first run ${firstMs.toFixed(1)} ms; after the warm-up: best ${best.toFixed(1)} ms, ` +
            `median ${median.toFixed(1)} ms of ${repeat} runs`);
console.log(`  ${(words / best).toFixed(0)} K words/s, ${(bytes / best / 1e3).toFixed(1)} MB/s (best)`);
console.log(`  wasm heap ${Number.isNaN(heapMb) ? 'n/a' : heapMb.toFixed(1) + ' MB'}, ` +
            `node RSS ${(process.memoryUsage().rss / 1048576).toFixed(1)} MB`);
if (native) {
  const pairs = ratios.map((p) => `${p.wasm.toFixed(0)}/${p.native.toFixed(0)}=` +
                                  `${(p.wasm / p.native).toFixed(2)}`);
  const sorted = ratios.map((p) => p.wasm / p.native).sort((a, b) => a - b);
  console.log(`  wasm/native time, in pairs (ms): ${pairs.join(', ')}; ` +
              `median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ×`);
}
