/**
 * Golden tests across the two builds:
 *  - the native CLI and the wasm module give the same bytes on every fixture (tests/fixtures)
 *    and on every sample in ../shared/samples (skipped with a message when absent);
 *  - every span of that output slices (String.prototype.slice, UTF-16) to the text it claims;
 *  - the native output on our fixtures equals the reviewed files in tests/golden/expected
 *    (regenerate with tools/regen-golden.sh after a deliberate change).
 *
 * BASIRA_NATIVE: the native CLI (default build/native/basira)
 * BASIRA_SITE: the built page folder holding basira.js/basira.wasm (default build/wasm/site)
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const native = process.env.BASIRA_NATIVE || join(root, 'build/native/basira');
const site = process.env.BASIRA_SITE || join(root, 'build/wasm/site');
const shared = process.env.BASIRA_SHARED || join(root, '../shared');
const fixtures = join(root, 'tests/fixtures');
const expectedDir = join(root, 'tests/golden/expected');
const OPTIONS = '{"tokens":true}';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const validate = new Ajv2020({allErrors: true}).compile(
    JSON.parse(readFileSync(join(root, 'docs/schema.json'), 'utf8')));
const createBasira = require(join(site, 'basira.js'));
const modulePromise = createBasira({wasmBinary: readFileSync(join(site, 'basira.wasm'))});

const txt = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

/** Runs the CLI in `dir` on the given file names (relative, so names match the wasm call). */
function runNative(dir, names) {
  const r = spawnSync(native, ['analyze', '--tokens', ...names], {cwd: dir, encoding: 'utf8',
                                                                   maxBuffer: 1 << 28});
  return {status: r.status, stdout: r.stdout};
}

async function runWasm(dir, names) {
  const m = await modulePromise;
  const inputs = names.map((name) => ({name, text: readFileSync(join(dir, name), 'utf8')}));
  return m.analyze(JSON.stringify(inputs), OPTIONS) + '\n';
}

function checkSpans(json, dir, names) {
  const out = JSON.parse(json);
  assert.ok(validate(out), `docs/schema.json: ${JSON.stringify(validate.errors)}`);
  const texts = names.map((n) => readFileSync(join(dir, n), 'utf8'));
  assert.equal(out.schema, 'basira.analysis');
  out.inputs.forEach((info, i) => assert.equal(info.length, texts[i].length, `length of ${names[i]}`));
  for (const kind of ['documents', 'sentences', 'tokens']) {
    for (const item of out[kind] || []) {
      const [start, end] = item.span;
      const text = texts[item.input];
      assert.ok(0 <= start && start < end && end <= text.length, `${kind} span ${item.span} in range`);
      if ('text' in item) {
        assert.equal(text.slice(start, end), item.text, `${kind} ${item.span} of ${names[item.input]}`);
      }
    }
  }
  return out;
}

test('native CLI is built', () => {
  assert.ok(existsSync(native), `missing ${native}: build the native preset first`);
});

for (const name of txt(fixtures)) {
  test(`fixture ${name}: wasm == native, spans slice, golden matches`, async () => {
    const n = runNative(fixtures, [name]);
    assert.equal(n.status, 0);
    assert.equal(await runWasm(fixtures, [name]), n.stdout);
    checkSpans(n.stdout, fixtures, [name]);
    const expected = readFileSync(join(expectedDir, name.replace(/\.txt$/, '.json')), 'utf8');
    assert.equal(n.stdout, expected, `golden for ${name} (tools/regen-golden.sh)`);
  });
}

test('all fixtures as one request: wasm == native, inputs numbered in order', async () => {
  const names = txt(fixtures);
  const n = runNative(fixtures, names);
  assert.equal(n.status, 0);
  assert.equal(await runWasm(fixtures, names), n.stdout);
  const out = checkSpans(n.stdout, fixtures, names);
  assert.deepEqual(out.inputs.map((i) => i.name), names);
  assert.deepEqual([...new Set(out.sentences.map((s) => s.input))], names.map((_, i) => i));
});

const samples = join(shared, 'samples');
const haveSamples = existsSync(samples);
test('samples of ../shared: wasm == native, spans slice', {skip: haveSamples ? false :
    `../shared/samples not found at ${samples}`}, async (t) => {
  for (const name of txt(samples)) {
    await t.test(name, async () => {
      const n = runNative(samples, [name]);
      assert.equal(n.status, 0);
      assert.equal(await runWasm(samples, [name]), n.stdout);
      checkSpans(n.stdout, samples, [name]);
    });
  }
});

test('the summary length option: wasm == native, and the story of several inputs', async () => {
  const m = await modulePromise;
  const names = txt(fixtures);
  for (const [flag, option] of [['2', {sentences: 2}], ['50%', {ratio: 0.5}], ['30w', {words: 30}]]) {
    const r = spawnSync(native, ['analyze', '--tokens', '--summary', flag, ...names],
                        {cwd: fixtures, encoding: 'utf8', maxBuffer: 1 << 28});
    assert.equal(r.status, 0);
    const inputs = names.map((name) => ({name, text: readFileSync(join(fixtures, name), 'utf8')}));
    const w = m.analyze(JSON.stringify(inputs), JSON.stringify({tokens: true, summary: option}));
    assert.equal(w + '\n', r.stdout, `--summary ${flag}`);
    const out = checkSpans(r.stdout, fixtures, names);
    for (const s of out.summaries.flatMap((d) => d.sentences).concat(out.story.summary)) {
      const text = readFileSync(join(fixtures, names[s.input]), 'utf8');
      assert.equal(text.slice(...s.span), s.text);
      assert.equal(out.sentences[s.sentence].text, s.text);
    }
  }
});

test('errors are the same JSON in both builds', async () => {
  const m = await modulePromise;
  // An empty input: the CLI reads /dev/null.
  const n = spawnSync(native, ['analyze', '/dev/null'], {encoding: 'utf8'});
  assert.equal(n.status, 1);
  const w = m.analyze(JSON.stringify([{name: '/dev/null', text: ''}]), '{}') + '\n';
  assert.equal(w, n.stdout);
  assert.equal(JSON.parse(w).error.code, 'empty_input');
  // Over the size limit.
  const big = spawnSync(native, ['analyze', '--max-bytes', '10', join(fixtures, 'port_strike.txt')],
                        {encoding: 'utf8'});
  assert.equal(big.status, 1);
  assert.match(JSON.parse(big.stdout).error.message, /limit is 10 bytes/);
  const wb = JSON.parse(m.analyze(JSON.stringify(['نص أطول من عشرة بايتات']), '{"max_bytes":10}'));
  assert.equal(wb.error.code, 'input_too_large');
});

// The rows of docs/hostile-inputs.md that a JS string can carry (invalid UTF-8 cannot cross into
// wasm, and 50 MB is tested in tests/hostile_test.cc and tests/cli_too_large.sh).
const HOSTILE = {
  'nul.txt': 'خبر\0عاجل',
  'empty.txt': '',
  'whitespace.txt': ' \t\r\n \u00a0\u3000\n',
  'bidi_only.txt': '\u200f\u200e\u202b\u202c\u2067\u2069\u200c',
  'diacritics.txt': '\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652 \u064e\u064f\n\u0650',
  'bidi.txt': 'قال \u200fالرئيس\u200f \u202bسمير العلوي\u202c إن \u2067Rotterdam\u2069 ستستقبل 300 سفينة\u200e في 2024.',
  'emoji.txt': '😀 أغلقت السلطات الميناء 🇸🇦 يوم الاثنين 👨‍👩‍👧 بعد إضراب 👍🏽 شارك فيه 𝐀𝐁𝐂 نحو 200 عامل😀.',
  'long_line.txt': 'كتبوالمراسلون'.repeat(40000),
  'latin.txt': 'Port closed\n\nThe port of Rotterdam closed on Monday after a strike by 300 workers.',
  'mixed.txt': 'أعلنت شركة Nordlicht GmbH في 2024 عن 1500 وظيفة و٣٠٠ أخرى في فرعها بـ Berlin، بكلفة 4.5 مليون EUR.',
  'html.txt': '<script>alert("x")</script>\n<p onclick="steal()">أغلقت السلطات الميناء يوم الاثنين.</p>',
};

test('hostile inputs: wasm == native, byte for byte, results and errors alike', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'basira-hostile-'));
  try {
    for (const [name, text] of Object.entries(HOSTILE)) {
      writeFileSync(join(dir, name), text);
      const n = runNative(dir, [name]);
      assert.ok(n.status === 0 || n.status === 1, `${name}: exit status ${n.status}`);
      assert.equal(await runWasm(dir, [name]), n.stdout, name);
      if (n.status === 0) checkSpans(n.stdout, dir, [name]);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('the wasm boundary turns bad requests into error JSON, never an exception', async () => {
  const m = await modulePromise;
  const cases = [['not json', '{}'], ['{}', '{}'], ['[1]', '{}'], ['["a"]', '{"bogus":1}'],
                 ['["a"]', '{"summary":{"ratio":3}}'], ['["a"]', '[]'], ['["\\ud800"]', '{}'], ['[]', '{}']];
  for (const [inputs, options] of cases) {
    const out = JSON.parse(m.analyze(inputs, options));
    assert.equal(out.error.code, 'invalid_argument', `${inputs} ${options}`);
    assert.ok(validate(out), `docs/schema.json: ${JSON.stringify(validate.errors)}`);
    assert.ok(out.error.message.length > 0);
  }
  assert.match(m.version(), /^\d+\.\d+\.\d+$/);
});

test('progress reaches the JS callback, and returning false cancels', async () => {
  const m = await modulePromise;
  const seen = [];
  const ok = JSON.parse(m.analyzeWithProgress('["جملة أولى. جملة ثانية."]', '{}',
      (stage, done, total) => { seen.push([stage, done, total]); return true; }));
  assert.equal(ok.stats.sentences, 2);
  assert.equal(seen[0][0], 'start');
  assert.deepEqual(seen.at(-1), ['done', seen.at(-1)[2], seen.at(-1)[2]]);
  const cancelled = JSON.parse(m.analyzeWithProgress('["نص"]', '{}', () => false));
  assert.equal(cancelled.error.code, 'cancelled');
});


test('a progress callback that throws cancels the analysis and its error reaches the caller', async () => {
  const m = await modulePromise;
  const request = JSON.stringify(['جملة أولى عن الميناء. جملة ثانية عن المطار. '.repeat(2000)]);
  const expected = m.analyze(request, '{}');
  const heap = m.HEAP8.length;
  // Thrown at the last progress call, when the whole analysis is in memory: were it to unwind
  // through the C++, each run would leave it all behind and the heap would grow.
  for (let i = 0; i < 20; ++i) {
    assert.throws(() => m.analyzeWithProgress(request, '{}', (stage) => {
      if (stage === 'done') throw new Error('stop');
      return true;
    }), /stop/);
  }
  // Nothing leaked or stayed behind: the heap did not grow and the next result is the same.
  assert.equal(m.HEAP8.length, heap);
  assert.equal(m.analyze(request, '{}'), expected);
});

test('the wasm boundary takes JSON strings only', async () => {
  const m = await modulePromise;
  assert.throws(() => m.analyze(['نص'], '{}'), TypeError);
  assert.throws(() => m.analyze('["نص"]', {}), TypeError);
  assert.throws(() => m.analyze(new TextEncoder().encode('["نص"]'), '{}'), TypeError);
});

test('a result taken apart in parts is the whole result, however small the parts', async () => {
  const m = await modulePromise;
  const names = txt(fixtures);
  const request = JSON.stringify(names.map((name) => ({name, text: readFileSync(join(fixtures, name), 'utf8')})));
  const whole = JSON.parse(m.analyze(request, OPTIONS));
  for (const partBytes of [0, 1, 700, 20000, 1 << 30]) {
    const {ok, head, parts} = m.analyzeInParts(request, OPTIONS, null, partBytes);
    assert.equal(ok, true);
    const result = JSON.parse(head);
    const given = new Set(parts.map((p) => p.key));
    for (const key of given) {
      assert.deepEqual(result[key], [], `${key} is empty in the head when given in parts`);
      result[key] = parts.filter((p) => p.key === key).flatMap((p) => JSON.parse(p.json));
    }
    assert.deepEqual(result, whole, `parts of ${partBytes} bytes`);
    // Parts gather elements: as many as begin within partBytes of the part's first, at least one.
    const elements = parts.reduce((n, p) => n + JSON.parse(p.json).length, 0);
    assert.ok(parts.every((p) => JSON.parse(p.json).length >= 1));
    if (partBytes === 20000) assert.ok(parts.length > 0 && parts.length < elements / 20, `${parts.length} parts`);
    if (partBytes === 0) {
      // Every non-empty top-level array is in parts, one element each.
      for (const [key, value] of Object.entries(whole)) {
        if (!Array.isArray(value) || value.length === 0) continue;
        assert.equal(parts.filter((p) => p.key === key).length, value.length, key);
      }
    }
    if (partBytes === 1 << 30) assert.equal(parts.length, 0);
  }
  // An error is no result: ok is false and the head is the error.
  const bad = m.analyzeInParts('["a"]', '{"bogus":1}', null, 100);
  assert.equal(bad.ok, false);
  assert.equal(bad.parts.length, 0);
  assert.equal(JSON.parse(bad.head).error.code, 'invalid_argument');
  // Text that is no ASCII at the edges of the parts: a part is cut between elements, never
  // inside a character.
  const arabic = JSON.stringify(['قال الوزير إن "المشروع سيبدأ غداً". '.repeat(300)]);
  const a = m.analyzeInParts(arabic, '{}', null, 64);
  const rebuilt = JSON.parse(a.head);
  for (const p of a.parts) rebuilt[p.key].push(...JSON.parse(p.json));
  assert.ok(a.parts.length > 10);
  assert.deepEqual(rebuilt, JSON.parse(m.analyze(arabic, '{}')));
});
