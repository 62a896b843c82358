/**
 * Turns an analysis into files to download: the core's JSON, a CSV of the entities, CoNLL
 * (one token and its BIO tag a line) and brat standoff (.ann with the .txt it points into).
 *
 * Pure functions of (result, inputs) returning text, plus download(); nothing here touches the
 * page but the temporary link that download() clicks.
 */

/** The analysis as the core wrote it (key order and values kept). */
export function toJson(result) {
  return `${JSON.stringify(result)}\n`;
}

/** One CSV field, quoted as RFC 4180 says when it holds a quote, a comma or a line break. */
function csvField(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text that a spreadsheet would take for a formula (=, +, -, @) gets a leading quote. */
function inert(text) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The entities as CSV (RFC 4180: CRLF line ends, quoted fields), with a UTF-8 byte order mark so
 * that spreadsheets read the Arabic names right. Names come from the text: none can start a
 * formula.
 */
export function toCsv(result) {
  const rows = [['id', 'type', 'name', 'latin', 'mentions', 'salience']];
  for (const e of result.entities) {
    rows.push([e.id, e.type, inert(e.name), inert(e.latin), e.mentions.length, e.salience]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * CoNLL: "token<TAB>tag" a line, BIO tags from the entity mentions, a blank line between
 * sentences. A token gets B- when a mention starts inside it (a mention may start after a
 * clitic: و+بوتين), I- when it lies inside a mention that started earlier. Needs the tokens
 * (analysis option {tokens: true}).
 */
export function toConll(result) {
  const mentions = [];
  for (const e of result.entities) {
    for (const m of e.mentions) mentions.push({input: m.input, start: m.span[0], end: m.span[1], type: e.type});
  }
  mentions.sort((a, b) => a.input - b.input || a.start - b.start);
  const lines = [];
  let sentence = null;
  let k = 0;
  for (const t of result.tokens || []) {
    const key = `${t.input}:${t.sentence}`;
    if (sentence !== null && key !== sentence) lines.push('');
    sentence = key;
    const [start, end] = t.span;
    while (k < mentions.length && (mentions[k].input < t.input ||
           (mentions[k].input === t.input && mentions[k].end <= start))) k++;
    const m = mentions[k];
    let tag = 'O';
    if (m && m.input === t.input && m.start < end) tag = `${m.start >= start ? 'B' : 'I'}-${m.type}`;
    lines.push(`${t.text.replace(/\s+/g, ' ')}\t${tag}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The text that a brat .ann points into: the inputs one after another, a line break between. */
export function bratText(inputs) {
  return inputs.map((input) => input.text).join('\n');
}

/** Code-point offsets of every UTF-16 offset of text (brat counts code points). */
function codePointOffsets(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xD800 || c > 0xDBFF || i + 1 === text.length) cp++;
  }
  map[text.length] = cp;
  return map;
}

/**
 * brat standoff: "T1<TAB>TYPE start end<TAB>text" a mention, offsets in code points into
 * bratText(inputs). Our spans are UTF-16 code units into each input: converted here. Each
 * entity's mentions are tied together by a note naming the entity.
 */
export function toBrat(result, inputs) {
  const maps = inputs.map((input) => codePointOffsets(input.text));
  const base = [];
  let offset = 0;
  inputs.forEach((input, i) => {
    base.push(offset);
    offset += maps[i][input.text.length] + 1;
  });
  const mentions = [];
  for (const e of result.entities) {
    for (const m of e.mentions) mentions.push({e, m});
  }
  mentions.sort((a, b) => a.m.input - b.m.input || a.m.span[0] - b.m.span[0]);
  const lines = [];
  mentions.forEach(({e, m}, i) => {
    const start = base[m.input] + maps[m.input][m.span[0]];
    const end = base[m.input] + maps[m.input][m.span[1]];
    const text = inputs[m.input].text.slice(m.span[0], m.span[1]);
    lines.push(`T${i + 1}\t${e.type} ${start} ${end}\t${text}`);
    lines.push(`#${i + 1}\tAnnotatorNotes T${i + 1}\tentity ${e.id}: ${e.latin || e.name}`);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Saves text as a file through a temporary <a download> (no request leaves the page). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
