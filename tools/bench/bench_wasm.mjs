// The wasm module under node on a text file: the same call the page's worker makes (analyze with
// a JSON request, a JSON result back), timed end to end.
//
//   node tools/bench/bench_wasm.mjs FILE [--repeat N]
//   BASIRA_SITE=DIR ...   another build's site instead of build/wasm/site (paired runs)
//
// Prints bytes, words, best and median ms, words/s, and the wasm heap (linear memory) after the
// runs. Before timing, the module is warmed up (V8 first runs wasm in its baseline tier and
// optimizes hot functions later, in the background): the same text is analyzed untimed until
// 200 K words have gone through or 2 s have passed, as the page's worker warms up before the
// reader's first request. The first run's time is printed too. FILE comes from `basira_bench --write FILE`, so both benchmarks analyze the same bytes.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const site = resolve(process.env.BASIRA_SITE || join(root, 'build/wasm/site'));
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const repeatAt = args.indexOf('--repeat');
const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1])) : 5;
if (!file) {
  console.error('usage: node tools/bench/bench_wasm.mjs FILE [--repeat N]');
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
for (let r = 0; r < repeat; ++r) {
  const start = performance.now();
  const out = m.analyze(inputs, options);
  times.push(performance.now() - start);
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
