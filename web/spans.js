/**
 * How the text view lays out its marks (web/app.js): spans [start, end) into one input, in UTF-16
 * code units. Entity, date, number and noise segments never overlap one another; direct quotes
 * hold them, so a segment that crosses a quote's bound is cut there and each piece nests.
 * No DOM here, so the tests run these under node too.
 */

/** Sorted segments without those that overlap one kept before them (the first placed wins). */
export function withoutOverlaps(segments) {
  const out = [];
  let end = 0;
  for (const seg of segments) {
    if (seg.span[0] < end) continue;
    out.push(seg);
    end = seg.span[1];
  }
  return out;
}

/**
 * Segments cut where a quote starts or ends, so that each piece lies wholly inside one quote or
 * wholly outside every quote: marks then nest in the quote's mark. A piece keeps its segment's
 * attributes (an entity cut in two is two marks of that entity).
 */
export function splitAtQuotes(segments, quotes) {
  if (quotes.length === 0) return segments;
  const out = [];
  let qi = 0;
  for (const seg of segments) {
    let [a, b] = seg.span;
    while (a < b) {
      while (qi < quotes.length && quotes[qi].span[1] <= a) qi++;
      const q = quotes[qi];
      let cut = b;
      if (q && q.span[0] > a && q.span[0] < b) cut = q.span[0];
      else if (q && q.span[0] <= a && q.span[1] < b) cut = q.span[1];
      out.push(a === seg.span[0] && cut === seg.span[1] ? seg : {...seg, span: [a, cut], piece: true});
      a = cut;
    }
  }
  return out;
}

/**
 * Lays out the next part of an input's text from at = {pos, next, quote} (a position, the next
 * segment and the next quote): about `size` code units, up to a line end if one is near, never
 * cutting a segment; a quote that runs past the part's end is cut and continued in the next.
 * Returns {nodes, next}: nodes are strings (plain text), {seg} (a segment's mark) and
 * {quote, continued, children} (a quote's mark around strings and segments); next is the `at`
 * of the part after (next.pos === text.length at the end).
 */
export function layoutPart(text, segments, quotes, at, size) {
  let limit = Math.min(text.length, at.pos + size);
  const lineEnd = text.indexOf('\n', limit);
  if (lineEnd >= 0 && lineEnd - limit < size / 4) limit = lineEnd + 1;
  const nodes = [];
  let box = nodes;  // where text goes: the part, or the children of the quote open in it
  let pos = at.pos;
  let k = at.next;
  let qi = at.quote;
  let quoteEnd = -1;
  // Adds the text up to x, opening and closing quotes on the way; a quote that starts at x is
  // opened when a segment follows (the segment goes inside it).
  const advance = (x, segmentFollows) => {
    for (;;) {
      if (box !== nodes && pos >= quoteEnd) {
        box = nodes;
        qi++;
      }
      if (box === nodes) {
        while (qi < quotes.length && quotes[qi].span[1] <= pos) qi++;
        const q = quotes[qi];
        if (q && q.span[0] <= pos && (pos < x || segmentFollows)) {
          const node = {quote: q, continued: q.span[0] < pos, children: []};
          nodes.push(node);
          box = node.children;
          quoteEnd = q.span[1];
        }
      }
      if (pos >= x) return;
      const stop = Math.min(x, box !== nodes ? quoteEnd : (quotes[qi]?.span[0] ?? x));
      box.push(text.slice(pos, stop));
      pos = stop;
    }
  };
  for (; k < segments.length && segments[k].span[0] < limit; k++) {
    const seg = segments[k];
    if (seg.span[0] < pos) continue;
    advance(seg.span[0], true);
    box.push({seg});
    pos = seg.span[1];
  }
  const end = Math.max(pos, limit);
  advance(end, false);
  return {nodes, next: {pos: end, next: k, quote: qi}};
}
