// Plain text from a CoNLL file (`token<TAB>tag` lines, a blank line between sentences): each
// sentence's tokens joined by spaces on a line of its own, a blank line after every 12 sentences
// (a paragraph break), up to --size bytes. The benchmark text of tools/bench.sh repeats our
// fixtures and the samples, about 2,000 word forms over and over; this gives text with the
// vocabulary of real news (ANERcorp: some 28,000 forms in 114,000 words) to time the analysis on.
//
//   node tools/bench/conll_text.mjs FILE.conll OUT.txt [--size BYTES]
import {readFileSync, writeFileSync} from 'node:fs';

const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/bench/conll_text.mjs FILE.conll OUT.txt [--size BYTES]');
  process.exit(2);
}
const sizeAt = rest.indexOf('--size');
const limit = sizeAt >= 0 ? Number(rest[sizeAt + 1]) : 1048576;

const lines = [];
let tokens = [];
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.trim() === '') {
    if (tokens.length) lines.push(tokens.join(' '));
    tokens = [];
  } else {
    tokens.push(line.split(/\s/)[0]);
  }
}
if (tokens.length) lines.push(tokens.join(' '));

const encoder = new TextEncoder();
let text = '';
let bytes = 0;
for (let i = 0; i < lines.length; ++i) {
  const piece = lines[i] + '\n' + (i % 12 === 11 ? '\n' : '');
  const n = encoder.encode(piece).length;
  if (bytes + n > limit) break;
  text += piece;
  bytes += n;
}
writeFileSync(output, text);
console.log(`${output}: ${bytes} bytes, ${lines.length} sentences in ${input}`);
