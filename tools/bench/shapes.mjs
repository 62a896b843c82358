// Whether time grows linearly with the input in texts of one shape: a single sentence, without a
// full stop, that repeats one construction the recognizer or the quotation finder reads (names
// side by side, a title before each name, a genealogy, a quoted title after its noun, a stadium,
// a list of people, quotations with and without a name before their verb). Such a sentence is as long as the input: a rule that reads the whole
// sentence, or every candidate, at each of its words is quadratic there and nowhere else.
//
//   node tools/bench/shapes.mjs --native BIN [--sizes 300000,3000000] [--only NAME,NAME]
//
// For each shape: the text at each size (our own words, generated), the best of 3 native runs
// (`BIN --json --exact`, basira_bench), and the largest size's time over the smallest's against
// the ratio of their sizes. Figures are printed, never asserted.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
if (!valueOf('--native')) {
  console.error('usage: node tools/bench/shapes.mjs --native BIN [--sizes 300000,3000000]');
  process.exit(2);
}
const native = resolve(valueOf('--native'));
const sizes = (valueOf('--sizes') || '300000,3000000').split(',').map(Number);

// One construction each, repeated without a sentence's end.
const SHAPES = {
  'names side by side': 'كيني ميلر ',
  'a title before each name': 'الرئيس بوتين و',
  'a genealogy': 'محمد بن علي بن حسن آل ',
  'quoted titles': 'برنامج «حكايات» و',
  'stadiums': 'على ملعب سانتياغو برنابيو و',
  'a list of people': 'محمد سعد ، ',
  'two organizations joined by و': 'تويوتا وجنرال موتورز و',
  'quotations': 'قال الوزير «الخطة جاهزة» و',
  'quotations by the one named before': 'بوتين قال «الخطة جاهزة» ثم ',
  'a clause of its own between': 'بوتين زار المعرض بينما قال «الخطة جاهزة» ثم ',
};
// Only these, when given: --only NAME,NAME
const only = valueOf('--only');
if (only) {
  for (const name of Object.keys(SHAPES)) if (!only.split(',').includes(name)) delete SHAPES[name];
}

function timeOf(file) {
  const out = execFileSync(native, ['--json', '--exact', '--repeat', '3', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const best = /best ([\d.]+) ms/.exec(out);
  if (!best) throw new Error(`basira_bench printed no time: ${out}`);
  return Number(best[1]);
}

const dir = mkdtempSync(join(tmpdir(), 'basira-shapes-'));
try {
  console.log(`shapes: one sentence each, ${sizes.join(' and ')} bytes, best of 3 native runs`);
  for (const [name, unit] of Object.entries(SHAPES)) {
    const times = sizes.map((size) => {
      const file = join(dir, 'shape.txt');
      const count = Math.max(1, Math.floor(size / Buffer.byteLength(unit)));
      writeFileSync(file, unit.repeat(count));
      return timeOf(file);
    });
    const ratio = times[times.length - 1] / times[0];
    const expected = sizes[sizes.length - 1] / sizes[0];
    console.log(`  ${name.padEnd(32)} ${times.map((t) => `${t.toFixed(0)} ms`).join(' / ')}` +
                `   x${ratio.toFixed(1)} for x${expected.toFixed(0)} the bytes`);
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
