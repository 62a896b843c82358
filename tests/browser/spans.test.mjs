/**
 * The text view's layout (web/spans.js), under node: direct quotes hold the entity, date and
 * number marks that fall in them; a mark that crosses a quote's bound is cut there; a quote that
 * runs past a part of a long text is continued in the next; no text is lost or repeated.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

// web/ holds the page's scripts, which node would take for CommonJS by their .js name (and warn):
// the module is imported from its source instead.
const source = readFileSync(new URL('../../web/spans.js', import.meta.url), 'utf8');
const {layoutPart, splitAtQuotes, withoutOverlaps} =
    await import(`data:text/javascript,${encodeURIComponent(source)}`);

/** Lays out the whole text part by part; returns the parts' nodes. */
function layoutAll(text, segments, quotes, size) {
  const parts = [];
  let at = {pos: 0, next: 0, quote: 0};
  do {
    const {nodes, next} = layoutPart(text, segments, quotes, at, size);
    assert.ok(next.pos > at.pos || text.length === 0, 'each part moves on');
    parts.push(nodes);
    at = next;
  } while (at.pos < text.length);
  return parts;
}

/**
 * Walks the laid-out parts as the DOM would be: returns {text, marks}, each mark {kind, span,
 * inQuote (the quote's span or null), continued} with its span recomputed from the text.
 */
function flatten(text, parts, segmentText) {
  let pos = 0;
  let out = '';
  const marks = [];
  const walk = (nodes, quote) => {
    for (const node of nodes) {
      if (typeof node === 'string') {
        out += node;
        pos += node.length;
      } else if (node.quote) {
        assert.equal(quote, null, 'a quote is never inside a quote');
        const start = pos;
        walk(node.children, node.quote);
        marks.push({kind: 'QUOTE', span: [start, pos], quote: node.quote, continued: node.continued});
      } else {
        const piece = segmentText(node.seg);
        assert.equal(text.slice(pos, pos + piece.length), piece);
        marks.push({kind: 'seg', seg: node.seg, span: [pos, pos + piece.length], inQuote: quote});
        out += piece;
        pos += piece.length;
      }
    }
  };
  for (const nodes of parts) walk(nodes, null);
  return {text: out, marks};
}

test('a date and an entity inside a quote nest in its mark; the text is whole', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'قال الوزير: «سنزور القاهرة في 5 مايو» ثم غادر.';
  const open = text.indexOf('«') + 1;
  const close = text.indexOf('»');
  const cairo = text.indexOf('القاهرة');
  const date = text.indexOf('5 مايو');
  const minister = text.indexOf('الوزير');
  const segments = [
    {span: [minister, minister + 6], type: 'PER'},
    {span: [cairo, cairo + 7], type: 'LOC'},
    {span: [date, date + 6], fact: 'DATE'},
  ];
  const quotes = [{span: [open, close], speaker: 'الوزير'}];
  const parts = layoutAll(text, splitAtQuotes(segments, quotes), quotes, 6000);
  assert.equal(parts.length, 1);
  const [before, quote, after] = [parts[0].slice(0, 3), parts[0][3], parts[0].slice(4)];
  assert.deepEqual(before, ['قال ', {seg: segments[0]}, ': «']);
  assert.equal(quote.quote, quotes[0]);
  assert.equal(quote.continued, false);
  assert.deepEqual(quote.children, ['سنزور ', {seg: segments[1]}, ' في ', {seg: segments[2]}]);
  assert.deepEqual(after, ['» ثم غادر.']);
});

test('a mark that crosses a quote bound is cut in two, each piece on its side', () => {
  const text = 'aaaa QQQQQQQQ bbbb';
  const quotes = [{span: [5, 13]}];
  // Crosses the start (3..7) and the end (11..16) of the quote; one spans it whole (none here).
  const segments = [{span: [3, 7], type: 'PER'}, {span: [11, 16], type: 'LOC'}];
  const split = splitAtQuotes(segments, quotes);
  assert.deepEqual(split.map((s) => [s.type, ...s.span, !!s.piece]),
                   [['PER', 3, 5, true], ['PER', 5, 7, true], ['LOC', 11, 13, true], ['LOC', 13, 16, true]]);
  const {text: whole, marks} = flatten(text, layoutAll(text, split, quotes, 6000),
                                       (seg) => text.slice(seg.span[0], seg.span[1]));
  assert.equal(whole, text);
  const inside = marks.filter((m) => m.kind === 'seg' && m.inQuote).map((m) => m.span);
  assert.deepEqual(inside, [[5, 7], [11, 13]]);
  // A mark that holds a whole quote and more is cut in three.
  const around = splitAtQuotes([{span: [2, 16], type: 'MISC'}], quotes);
  assert.deepEqual(around.map((s) => s.span), [[2, 5], [5, 13], [13, 16]]);
});

test('overlapping segments: the first placed wins', () => {
  const kept = withoutOverlaps([{span: [0, 5]}, {span: [3, 8]}, {span: [5, 9]}, {span: [9, 9]}, {span: [9, 12]}]);
  assert.deepEqual(kept.map((s) => s.span), [[0, 5], [5, 9], [9, 9], [9, 12]]);
});

test('random texts, marks, quotes and part sizes: marks nest, nothing is lost or repeated', () => {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 400; round++) {
    const length = 1 + random(400);
    let text = '';
    for (let i = 0; i < length; i++) text += random(12) === 0 ? '\n' : 'ابتث جحخ'[random(8)];
    // Non-overlapping quotes, and segments that may overlap them and each other.
    const quotes = [];
    for (let pos = random(20); pos < length; pos += 1 + random(60)) {
      const end = Math.min(length, pos + 1 + random(80));
      quotes.push({span: [pos, end]});
      pos = end;
    }
    const raw = [];
    for (let i = random(30); i > 0; i--) {
      const start = random(length);
      raw.push({span: [start, Math.min(length, start + 1 + random(25))], id: i});
    }
    raw.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    const segments = splitAtQuotes(withoutOverlaps(raw), quotes);
    const size = 1 + random(120);
    const parts = layoutAll(text, segments, quotes, size);
    const {text: whole, marks} = flatten(text, parts, (seg) => text.slice(seg.span[0], seg.span[1]));
    assert.equal(whole, text, `round ${round}: the text is whole`);
    for (const m of marks) {
      if (m.kind === 'QUOTE') {
        assert.ok(m.span[0] >= m.quote.span[0] && m.span[1] <= m.quote.span[1], `round ${round}: a quote mark within its quote`);
        assert.equal(m.continued, m.span[0] > m.quote.span[0], `round ${round}: continued iff it starts after the quote's start`);
      } else if (m.inQuote) {
        assert.ok(m.span[0] >= m.inQuote.span[0] && m.span[1] <= m.inQuote.span[1], `round ${round}: a mark within its quote`);
      } else {
        assert.ok(quotes.every((q) => m.span[1] <= q.span[0] || m.span[0] >= q.span[1]), `round ${round}: a mark outside every quote`);
      }
    }
    // Every character of a quote is inside one of its marks, and of a segment in one of its pieces.
    const quoted = marks.filter((m) => m.kind === 'QUOTE').reduce((n, m) => n + m.span[1] - m.span[0], 0);
    assert.equal(quoted, quotes.reduce((n, q) => n + q.span[1] - q.span[0], 0), `round ${round}: quotes whole`);
    const kept = withoutOverlaps(raw);
    const pieces = marks.filter((m) => m.kind === 'seg').reduce((n, m) => n + m.span[1] - m.span[0], 0);
    assert.equal(pieces, kept.reduce((n, s) => n + s.span[1] - s.span[0], 0), `round ${round}: segments whole`);
  }
});
