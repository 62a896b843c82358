/**
 * The result can be downloaded as the core's JSON, a CSV of entities, CoNLL and brat standoff;
 * each file is read back from playwright's download and checked.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {analyzeText, DEMO_TEXT, openPage, setUp} from './harness.mjs';

const env = setUp();

/** Clicks an export button and returns the downloaded file: {name, bytes, text}. */
async function save(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = readFileSync(await download.path());
  return {name: download.suggestedFilename(), bytes, text: bytes.toString('utf8')};
}

/** A CSV parser for the test (RFC 4180 quoting), so the check does not trust the writer. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  return rows;
}

// An emoji (two UTF-16 code units, one code point) before the article makes the brat offsets
// differ from our spans: the export must convert them.
const TEXT = `😀 ${DEMO_TEXT}\n\nوقال "خبير, مستقل" إن القاهرة مستعدة.`;

test('export: JSON, CSV, CoNLL and brat files hold the analysis', async () => {
  const {page, context, errors} = await openPage(env);
  await analyzeText(page, TEXT);

  const json = await save(page, 'export-json');
  assert.equal(json.name, 'basira.json');
  const analysis = JSON.parse(json.text);
  assert.equal(analysis.schema, 'basira.analysis');
  const cairo = analysis.entities.find((e) => e.name === 'القاهرة');
  assert.ok(cairo, 'the demo article names Cairo');
  assert.equal(analysis.tokens, undefined, 'the page analysis has no tokens');

  const csv = await save(page, 'export-csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'UTF-8 BOM');
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['id', 'type', 'name', 'latin', 'mentions', 'salience']);
  assert.equal(rows.length, analysis.entities.length + 1);
  const row = rows.find((r) => r[2] === 'القاهرة');
  assert.deepEqual(row.slice(0, 5), [String(cairo.id), 'LOC', 'القاهرة', cairo.latin, String(cairo.mentions.length)]);
  assert.equal(Number(row[5]), cairo.salience);

  const conll = await save(page, 'export-conll');
  const sentences = conll.text.trimEnd().split('\n\n');
  assert.equal(sentences.length, analysis.stats.sentences);
  const lines = conll.text.split('\n').filter(Boolean).map((l) => l.split('\t'));
  assert.ok(lines.every((l) => l.length === 2 && /^(O|[BI]-(PER|LOC|ORG|MISC))$/.test(l[1])), conll.text);
  assert.ok(lines.some(([token, tag]) => token === 'القاهرة' && tag === 'B-LOC'), conll.text);
  assert.equal(lines.length, analysis.stats.tokens);

  const txt = await save(page, 'export-txt');
  assert.equal(txt.text, TEXT);
  const ann = await save(page, 'export-ann');
  const points = Array.from(txt.text);
  const spans = ann.text.split('\n').filter((l) => l.startsWith('T'));
  const mentions = analysis.entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(spans.length, mentions);
  for (const line of spans) {
    const [, what, text] = line.split('\t');
    const [type, start, end] = what.split(' ');
    assert.match(type, /^(PER|LOC|ORG|MISC)$/);
    assert.equal(points.slice(Number(start), Number(end)).join(''), text, line);
  }
  assert.ok(spans.some((l) => l.endsWith('\tالقاهرة')));
  assert.deepEqual(errors, []);
  await context.close();
});
