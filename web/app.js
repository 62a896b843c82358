/**
 * basira's page: sends the pasted texts to the analysis worker and shows what comes back.
 *
 * User text reaches the DOM only through textContent (never innerHTML), and nothing is fetched
 * from anywhere but this page's own origin.
 */
import {bratText, download, toBrat, toConll, toCsv, toJson} from './export.js';
import {layoutPart, splitAtQuotes, withoutOverlaps} from './spans.js';
import {formatNumber, language, savedLanguage, setLanguage, setText, t} from './i18n.js';

/** A line holding only this (three or more dashes) separates articles pasted together. */
const SEPARATOR = /^\s*-{3,}\s*$/m;

/** Our own demo article (fictional, written for basira; not a real report). */
const DEMO_TEXT = `اتفاق إطاري لتبادل بيانات الفيضانات بين دول حوض النيل

القاهرة — خدمة بصيرة التجريبية

الثلاثاء ١٤ مايو ٢٠٢٤ الساعة ٩:١٥ صباحاً

وقّع وزراء الموارد المائية في ثلاث من دول حوض النيل اتفاقاً إطارياً في القاهرة، يقضي بتبادل بيانات الأمطار والفيضانات كل ست ساعات. وقال المتحدث باسم الوزارة المصرية للصحفيين: "هذه خطوة أولى نحو ثقة أكبر بين دول الحوض".

وأضاف أن الاتفاق يشمل إنشاء مركز مشترك للإنذار المبكر بتكلفة تقارب ١٢ مليون دولار، على أن يبدأ العمل مطلع العام المقبل.

هل يصمد الاتفاق أمام موسم الجفاف؟ يرى خبراء أن التنفيذ هو الاختبار الحقيقي، وأن المفاوضات التي استمرت 18 شهراً لم تحسم بعد مسألة تقاسم الحصص.`;

const $ = (id) => document.getElementById(id);

/** How many items a long list shows at first, and how many more each "show more" adds. */
const LIST_CHUNK = 100;

/** How much of an input the text view shows at first, and how much more each "show more" adds. */
const TEXT_CHUNK = 6000;

/**
 * The page's state: the current worker, the request in flight ({id, inputs, onResult}), the
 * last analysis shown ({result, inputs, ms}), which the exports and a language switch use, and
 * the view of it shown (ALL, one article's tab or the story's: see drawView).
 */
const state = {worker: null, ready: false, nextId: 1, pending: null, last: null, view: null};

/**
 * Starts an analysis worker through web/boot.js, which compiled the wasm while the page loaded
 * and hands the worker that Module. The first call takes over the worker boot.js started, with
 * the messages it already sent.
 */
function startWorker() {
  state.ready = false;
  delete document.body.dataset.ready;
  $('analyze').disabled = true;
  const boot = self.basiraBoot;
  const first = boot && boot.worker;
  const worker = first || (boot ? boot.startWorker() : new Worker('worker.js'));
  if (boot) boot.worker = null;
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    restartWorker(event.message || t('error.unknown'));
  };
  state.worker = worker;
  if (first) {
    for (const msg of boot.early.splice(0)) {
      if (msg.type === 'died') {
        restartWorker(msg.message || t('error.unknown'));
        return;
      }
      onWorkerMessage(msg);
    }
  }
}

/**
 * The worker died (an uncaught error, a wasm abort): says so, drops the request in flight and
 * starts a new worker. The text and files stay as they are, so the reader can analyze again.
 */
function restartWorker(why) {
  showError(t('error.worker', why));
  finishRequest();
  state.worker.terminate();
  delete document.body.dataset.ready;
  setText($('engine'), 'engine.restarting');
  startWorker();
}

function onWorkerMessage(msg) {
  switch (msg.type) {
    case 'ready':
      // For tools/bench/bench_page.mjs and the browser's performance panel: when the page became
      // usable (the first time; a restarted worker marks again).
      performance.mark('basira:ready');
      state.ready = true;
      $('analyze').disabled = false;
      setText($('engine'), 'engine.ready');
      $('version').textContent = `basira ${msg.version}`;
      document.body.dataset.ready = 'true';
      loadFonts();
      registerServiceWorker();
      break;
    case 'progress':
      if (state.pending && msg.id === state.pending.id) {
        $('progress').max = msg.total || 1;
        $('progress').value = msg.done;
      }
      break;
    case 'result-part':
      // Each part is parsed as it arrives, in the task of its message: no parse is long.
      if (state.pending && msg.id === state.pending.id) {
        const parts = state.pending.parts;
        (parts[msg.key] ||= []).push(JSON.parse(msg.json));
      }
      break;
    case 'result':
      if (state.pending && msg.id === state.pending.id) {
        const {inputs, onResult, parts} = state.pending;
        const result = JSON.parse(msg.json);
        for (const [key, chunks] of Object.entries(parts)) result[key] = chunks.flat();
        finishRequest();
        // A task of its own: the parse and the drawing do not add up to one long task.
        setTimeout(() => onResult(result, inputs, msg.ms));
      }
      break;
    case 'error':
      // id null: the module could not be loaded; the analyzer will not become ready.
      if (msg.id === null) {
        setText($('engine'), 'engine.failed');
        loadFonts();
      }
      if (msg.id === null || (state.pending && msg.id === state.pending.id)) {
        finishRequest();
        showError(describeError(msg.error));
      }
      break;
  }
}

/** Files read so far, each an input of its own: [{name, text}]. */
const files = [];

/**
 * Reads dropped or picked files as UTF-8 text. A file that is not text (invalid UTF-8, NUL
 * bytes) is refused with a message naming it; the others are kept.
 */
async function addFiles(list) {
  const problems = [];
  for (const file of list) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      problems.push(t('files.binary', file.name, nul));
      continue;
    }
    // Text files are UTF-8; a web page may declare another encoding.
    const charset = isHtml(file) ? declaredCharset(bytes) : 'utf-8';
    let text = decode(bytes, charset);
    if (text === null) {
      problems.push(charset === 'utf-8' ? t('files.not_utf8', file.name) : t('files.not_charset', file.name, charset));
      continue;
    }
    if (text.trim() === '') {
      problems.push(t('files.empty', file.name));
      continue;
    }
    if (isHtml(file)) {
      text = await articleFromHtml(text);
      if (!text) {
        problems.push(t('files.no_article', file.name));
        continue;
      }
    }
    files.push({name: file.name, text});
  }
  renderFiles();
  if (problems.length) showError(problems.join(' ')); else hideError();
}

/** bytes as text in `charset` (a WHATWG label), or null if they are not valid in it. */
function decode(bytes, charset) {
  try {
    return new TextDecoder(charset, {fatal: true}).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The encoding a web page declares in its first 1024 bytes (<meta charset=...> or
 * content="...; charset=..."), as browsers look for it before parsing, if TextDecoder knows it;
 * else UTF-8. Older Arabic sites were often saved in windows-1256.
 */
function declaredCharset(bytes) {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const label = head.match(/<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
  if (!label) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

/** A web page rather than plain text: by its name (.html, .htm) or its type. */
function isHtml(file) {
  return /\.html?$/i.test(file.name) || file.type === 'text/html';
}

/** Elements after which a new line starts in the article's text; the others run inline. */
const BLOCK_TAGS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

/**
 * The text of an element with its paragraphs kept: a blank line between blocks, a line break
 * for <br>, runs of HTML white space as one space. Walks the parsed tree (text nodes only).
 */
function blockText(root) {
  const out = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // Closing a block: a blank line once every node under it has been read.
  const open = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    while (open.length && !open.at(-1).contains(node)) {
      open.pop();
      out.push('\n\n');
    }
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.data.replace(/[ \t\n\r\f]+/g, ' '));
    } else if (node.tagName === 'BR') {
      out.push('\n');
    } else if (BLOCK_TAGS.has(node.tagName)) {
      out.push('\n\n');
      open.push(node);
    }
  }
  return out.join('').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Loads vendor/Readability.js the first time a web page is read (most readers never drop one,
 * so the page does not wait for it). Resolves to whether Readability is there.
 */
let readabilityLoad = null;
function loadReadability() {
  if (!readabilityLoad) {
    readabilityLoad = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = 'vendor/Readability.js';
      script.onload = () => resolve(typeof Readability === 'function');
      script.onerror = () => {
        readabilityLoad = null;  // try again with the next file
        resolve(false);
      };
      document.head.append(script);
    });
  }
  return readabilityLoad;
}

/**
 * The article of a web page as text: its title and byline, then its paragraphs, a blank line
 * between each. The page is parsed by DOMParser into a document that is never shown, so nothing
 * in it runs or loads (Chromium still reports its inline handlers as refused by the page's CSP),
 * and Mozilla's Readability (vendor/Readability.js) finds the article in it. '' when it finds none.
 */
async function articleFromHtml(html) {
  if (!(await loadReadability())) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let article;
  try {
    /* global Readability */
    article = new Readability(doc, {serializer: (el) => el}).parse();
  } catch (e) {
    console.warn(`basira: no article found (${e})`);
    return '';
  }
  if (!article || !article.content) return '';
  const body = blockText(article.content);
  if (body === '') return '';
  const line = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const title = line(article.title);
  // The article's own heading often repeats the title: the title once, then the byline.
  const rest = title && body.startsWith(title) ? body.slice(title.length).trimStart() : body;
  const head = [title, line(article.byline)].filter((text) => text && !rest.includes(text));
  return [...head, rest].join('\n\n');
}

function renderFiles() {
  const list = $('file-list');
  list.replaceChildren();
  files.forEach((file, i) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = file.name;
    name.dir = 'auto';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary small-button';
    remove.textContent = t('files.remove');
    remove.setAttribute('aria-label', t('files.remove.label', file.name));
    remove.addEventListener('click', () => {
      files.splice(i, 1);
      renderFiles();
    });
    li.append(name, remove);
    list.append(li);
  });
}

/** The inputs: every file, then the paste area split at '---' lines into articles. */
function readInputs() {
  // Each article starts after its separator's line break.
  const pasted = $('text').value.split(SEPARATOR)
      .map((text, i) => ({name: t('input.name', i + 1), paste: i + 1, text: i > 0 ? text.replace(/^\r?\n/, '') : text}))
      .filter((input) => input.text.trim() !== '');
  return [...files, ...pasted];
}

function analyze() {
  hideError();
  const inputs = readInputs();
  if (inputs.length === 0) {
    showError(t('error.no_text'));
    return;
  }
  const bad = inputs.findIndex((input) => !input.text.isWellFormed());
  if (bad >= 0) {
    showError(t('error.surrogate', bad + 1));
    return;
  }
  request(inputs, {}, (result, analyzed, ms) => {
    state.last = {result, inputs: analyzed, ms};
    state.view = null;
    showResult(result, analyzed, ms);
  });
}

/** Sends inputs to the worker; onResult(result, inputs, ms) gets the analysis. */
function request(inputs, options, onResult) {
  const id = state.nextId++;
  state.pending = {id, inputs, onResult, parts: {}};
  $('analyze').disabled = true;
  $('cancel').hidden = false;
  $('progress').hidden = false;
  $('progress').value = 0;
  document.body.dataset.busy = 'true';
  delete document.body.dataset.rendered;
  state.worker.postMessage({type: 'analyze', id, inputs: inputs.map(({name, text}) => ({name, text})), options});
}

/** The files each export button saves, built from the last analysis shown. */
const EXPORTS = {
  json: {name: 'basira.json', type: 'application/json', make: ({result}) => toJson(result)},
  csv: {name: 'basira-entities.csv', type: 'text/csv;charset=utf-8', make: ({result}) => toCsv(result)},
  conll: {name: 'basira.conll', type: 'text/plain;charset=utf-8', tokens: true,
    make: ({result}) => toConll(result)},
  ann: {name: 'basira.ann', type: 'text/plain;charset=utf-8',
    make: ({result, inputs}) => toBrat(result, inputs)},
  txt: {name: 'basira.txt', type: 'text/plain;charset=utf-8', make: ({inputs}) => bratText(inputs)},
};

/**
 * Saves the last analysis in one format. CoNLL needs the tokens, which the page does not ask
 * for by default (they are large): the same inputs are analyzed again with {tokens: true}.
 */
function exportAs(format) {
  const spec = EXPORTS[format];
  if (!state.last || !spec) return;
  if (!spec.tokens) {
    download(spec.name, spec.make(state.last), spec.type);
    return;
  }
  if (state.pending || !state.ready) return;
  request(state.last.inputs, {tokens: true}, (result, inputs) => {
    download(spec.name, spec.make({result, inputs}), spec.type);
  });
}

function cancel() {
  if (!state.pending) return;
  finishRequest();
  state.worker.terminate();
  startWorker();
  showError(t('error.cancelled'));
}

function finishRequest() {
  state.pending = null;
  $('cancel').hidden = true;
  $('progress').hidden = true;
  $('analyze').disabled = !state.ready;
  delete document.body.dataset.busy;
}

/**
 * Appends items[from...] to list through makeItem(item, i), LIST_CHUNK at a time: past that a
 * "show more" button adds the next ones, so a huge analysis never blocks the page.
 */
function appendInChunks(list, items, makeItem, from = 0) {
  const end = Math.min(items.length, from + LIST_CHUNK);
  const fragment = document.createDocumentFragment();
  for (let i = from; i < end; i++) fragment.append(makeItem(items[i], i));
  list.append(fragment);
  if (end < items.length) {
    const li = document.createElement('li');
    li.className = 'more';
    li.append(moreButton(items.length - end, () => {
      li.remove();
      appendInChunks(list, items, makeItem, end);
      list.querySelector(':scope > li.more > button')?.focus();
    }));
    list.append(li);
  }
}

/** A "show more (N left)" button. */
function moreButton(left, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary small-button more-button';
  button.textContent = t('more', formatNumber(left));
  button.addEventListener('click', onClick);
  return button;
}

/** Activates el (a mark) with Enter or Space as well as a click. */
function onActivate(el, action) {
  el.addEventListener('click', action);
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  });
}

/**
 * What the panels show: every input (one input, no tabs), one input (its tab: {kind: 'article',
 * input}) or the story across the inputs (the story tab: {kind: 'story'}).
 */
const ALL = {kind: 'all'};

/** items (each with .input) that belong to view: all of them unless view is one article. */
function inView(items, view) {
  return view.kind === 'article' ? items.filter((item) => item.input === view.input) : items;
}

/**
 * Lists the entities, most salient first, with their mentions in view; a click marks all
 * mentions of one entity.
 */
function renderEntities(result, view) {
  const list = $('entities');
  list.replaceChildren();
  const entities = view.kind === 'article'
    ? result.entities.map((e) => ({...e, mentions: inView(e.mentions, view)})).filter((e) => e.mentions.length)
    : result.entities;
  appendInChunks(list, entities, (e) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'entity';
    button.dataset.entity = e.id;
    button.dataset.type = e.type;
    button.setAttribute('aria-pressed', 'false');
    const name = document.createElement('span');
    name.textContent = e.name;
    const latin = document.createElement('span');
    latin.className = 'latin';
    latin.dir = 'ltr';
    latin.textContent = e.latin;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = formatNumber(e.mentions.length);
    button.append(name, latin, count);
    button.title = `${t(`type.${e.type}`)} · ${e.latin} · ${e.mentions.length}`;
    button.addEventListener('click', () => selectEntity(e.id));
    li.append(button);
    return li;
  });
}

/**
 * Shows the summary of each document in view (its own sentences, cut from the input by span) and
 * its key phrases.
 */
function renderSummaries(result, inputs, view) {
  const slice = (input, span) => inputs[input].text.slice(span[0], span[1]);
  const box = $('summaries');
  box.replaceChildren();
  const summaries = result.summaries.filter((s) =>
    view.kind !== 'article' || result.documents[s.document].input === view.input);
  for (const s of summaries) {
    const section = document.createElement('section');
    section.className = 'summary';
    section.dataset.document = s.document;
    if (summaries.length > 1) {
      const d = result.documents[s.document];
      const title = document.createElement('h4');
      title.dir = 'auto';
      title.textContent = d.headline ? slice(d.input, d.headline.span) : t('documents.untitled');
      section.append(title);
    }
    const list = document.createElement('ul');
    for (const sentence of s.sentences) {
      const li = document.createElement('li');
      li.dir = 'auto';
      li.textContent = slice(sentence.input, sentence.span);
      list.append(li);
    }
    section.append(list);
    if (s.keyphrases.length) {
      const phrases = document.createElement('p');
      phrases.className = 'keyphrases';
      for (const k of s.keyphrases) {
        const tag = document.createElement('span');
        tag.className = 'keyphrase';
        tag.textContent = slice(k.input, k.span);
        phrases.append(tag);
      }
      section.append(phrases);
    }
    box.append(section);
  }
}

/** The story summary across documents, with the inputs that support each sentence. */
function renderStory(result, inputs) {
  const slice = (input, span) => inputs[input].text.slice(span[0], span[1]);
  const story = result.story;
  $('story-box').hidden = result.documents.length < 2;
  const list = $('story');
  list.replaceChildren();
  for (const s of story.summary) {
    const li = document.createElement('li');
    const text = document.createElement('span');
    text.dir = 'auto';
    text.textContent = slice(s.input, s.span);
    const support = document.createElement('span');
    support.className = 'meta';
    support.dataset.support = s.support.length;
    support.textContent = s.support.map((i) => inputName(inputs, i)).join(' · ');
    li.append(text, support);
    list.append(li);
  }
  const dup = $('duplicates');
  dup.hidden = story.duplicates.length === 0;
  dup.textContent = story.duplicates.map((d) =>
    t('story.duplicate', inputName(inputs, d.input), inputName(inputs, d.duplicate_of_input)))
      .join(t('list.separator'));
}

/** An input's name: its file name, or "Text N" for a pasted one (in the interface's language). */
function inputName(inputs, i) {
  const input = inputs[i];
  return input.paste ? t('input.name', input.paste) : input.name || t('input.name', i + 1);
}

function selectEntity(id) {
  const already = document.querySelector(`.entity[data-entity="${id}"][aria-pressed="true"]`);
  for (const el of document.querySelectorAll('[data-entity][aria-pressed="true"]')) {
    el.setAttribute('aria-pressed', 'false');
  }
  for (const el of document.querySelectorAll('mark.selected')) el.classList.remove('selected');
  if (already) return;
  document.querySelector(`.entity[data-entity="${id}"]`)?.setAttribute('aria-pressed', 'true');
  const marks = document.querySelectorAll(`mark[data-entity="${id}"]`);
  for (const el of marks) {
    el.classList.add('selected');
    el.setAttribute('aria-pressed', 'true');
  }
  marks[0]?.scrollIntoView({block: 'center', behavior: 'smooth'});
}

/**
 * The marks of each input in view, in text order: [{input, segments, quotes}]. A segment is
 * {span, entity} (a mention), {span, noise} (a kind of web noise), {span, date} or {span, number}
 * (the result's items); the formatting waits for the marks that are drawn.
 */
function textSegments(result, inputs, view) {
  const out = [];
  inputs.forEach((input, i) => {
    if (view.kind === 'article' && view.input !== i) return;
    const segments = [];
    for (const e of result.entities) {
      for (const m of e.mentions) {
        if (m.input === i) segments.push({span: m.span, entity: e});
      }
    }
    for (const n of result.noise) {
      if (n.input === i) segments.push({span: n.span, noise: n.kind});
    }
    // Dates and numbers where no entity stands (these marks never overlap: the first one placed wins).
    for (const d of result.dates || []) {
      if (d.input === i) segments.push({span: d.span, date: d});
    }
    for (const n of result.numbers || []) {
      if (n.input === i) segments.push({span: n.span, number: n});
    }
    segments.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    out.push({input: i, segments, quotes: directQuotes(result, inputs, i)});
  });
  return out;
}

/**
 * Shows the text of each input of `marks` (textSegments) with entity mentions as
 * <mark data-type data-entity>, dates and numbers as <mark data-type="DATE|TIME|NUM">, direct
 * quotes as <mark data-type="QUOTE"> around the marks that fall in them, and web noise greyed
 * out. Everything is built from text nodes cut by span: no markup from the text.
 */
function renderText(inputs, view, marks) {
  const box = $('text-view');
  box.replaceChildren();
  for (const {input: i, segments, quotes} of marks) {
    const article = document.createElement('article');
    article.className = 'doc';
    article.dir = 'rtl';
    article.tabIndex = 0;
    article.setAttribute('aria-label', inputName(inputs, i));
    if (view.kind === 'all' && inputs.length > 1) {
      const h = document.createElement('h4');
      h.textContent = inputName(inputs, i);
      article.append(h);
    }
    appendText(article, inputs[i].text, splitAtQuotes(withoutOverlaps(segments), quotes), quotes,
               {pos: 0, next: 0, quote: 0});
    box.append(article);
  }
}

/** The speaker of a quote: the entity's name, the words naming them, or "unknown speaker". */
function speakerName(q, result, inputs) {
  if (q.speaker !== null) return result.entities[q.speaker].name;
  if (q.speaker_words) return inputs[q.input].text.slice(q.speaker_words.span[0], q.speaker_words.span[1]);
  return t('quotes.unknown');
}

/** The direct quotes of input i in text order, each with its speaker; none overlaps another. */
function directQuotes(result, inputs, i) {
  const quotes = (result.quotes || [])
      .filter((q) => q.input === i && q.kind === 'direct' && q.span[1] > q.span[0])
      .sort((a, b) => a.span[0] - b.span[0]);
  const out = [];
  for (const q of quotes) {
    if (out.length && q.span[0] < out.at(-1).span[1]) continue;
    out.push({span: q.span, speaker: speakerName(q, result, inputs)});
  }
  return out;
}

/**
 * Appends the next part of text to article from `at` (spans.js layoutPart: about TEXT_CHUNK,
 * never cutting a mark but a quote's); past it, a "show more" button appends the part after.
 * Each part is a block of its own, so adding one does not lay out the others again.
 */
function appendText(article, text, segments, quotes, at) {
  const {nodes, next} = layoutPart(text, segments, quotes, at, TEXT_CHUNK);
  const part = document.createElement('div');
  part.className = 'part';
  const build = (box, items) => {
    for (const item of items) {
      if (typeof item === 'string') {
        box.append(document.createTextNode(item));
      } else if (item.quote) {
        const el = quoteElement(item.quote, item.continued);
        build(el, item.children);
        box.append(el);
      } else {
        box.append(segmentElement(item.seg, text));
      }
    }
  };
  build(part, nodes);
  article.append(part);
  if (next.pos < text.length) {
    const more = moreButton(text.length - next.pos, () => {
      more.remove();
      appendText(article, text, segments, quotes, next);
      article.querySelector(':scope > .more-button')?.focus();
    });
    article.append(more);
  }
}

/**
 * A direct quote as <mark data-type="QUOTE"> naming its speaker (title and aria-description);
 * `continued` when it goes on from the part before.
 */
function quoteElement(q, continued) {
  const el = document.createElement('mark');
  el.dataset.type = 'QUOTE';
  if (continued) el.className = 'continued';
  const label = t('quote.by', q.speaker);
  el.title = label;
  el.setAttribute('aria-description', label);
  return el;
}

/** A mention as a mark that a click, Enter or Space selects; noise as a greyed span. */
function segmentElement(seg, text) {
  const el = document.createElement(seg.noise ? 'span' : 'mark');
  el.textContent = text.slice(seg.span[0], seg.span[1]);
  if (seg.noise) {
    el.className = 'noise-text';
    el.title = t(`noise.${seg.noise}`);
    return el;
  }
  if (seg.date) {
    const type = seg.date.type === 'TIME' ? 'TIME' : 'DATE';
    el.dataset.type = type;
    el.title = `${t(`type.${type}`)}: ${seg.date.value || seg.date.relation || ''}`;
    return el;
  }
  if (seg.number) {
    const n = seg.number;
    el.dataset.type = 'NUM';
    el.title = `${t('type.NUM')}: ${formatNumber(n.value)}${n.unit ? ' ' + n.unit : ''}`;
    return el;
  }
  const e = seg.entity;
  el.dataset.type = e.type;
  el.dataset.entity = e.id;
  el.title = `${t(`type.${e.type}`)}: ${e.name} (${e.latin}) · ${e.mentions.length}`;
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-pressed', 'false');
  onActivate(el, () => selectEntity(e.id));
  return el;
}

function describeError(error) {
  const key = error.code === 'cancelled' ? 'error.cancelled.code' : `error.${error.code}`;
  const title = t(key) === key ? t('error.title') : t(key);
  return `${title}: ${error.message}`;
}

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** A list item made of labelled parts, each a text node (never markup from the text). */
function factItem(parts) {
  const li = document.createElement('li');
  for (const [cls, text] of parts) {
    if (text === undefined || text === null || text === '') continue;
    const span = document.createElement('span');
    span.className = cls;
    span.dir = 'auto';
    span.textContent = text;
    li.append(span, document.createTextNode(' '));
  }
  return li;
}

/** Who said what in view: speaker (entity, described, or inherited) → the quoted words. */
function renderQuotes(result, inputs, view) {
  const list = $('quotes');
  list.replaceChildren();
  const slice = (input, span) => inputs[input].text.slice(span[0], span[1]);
  const quotes = inView(result.quotes || [], view);
  appendInChunks(list, quotes, (q) => {
    const li = factItem([['speaker', speakerName(q, result, inputs) + (q.inherited ? ' ↩' : '')], ['verb', q.verb ? slice(q.input, q.verb.span) : ''],
      ['words', (q.kind === 'direct' ? '«' : '') + slice(q.input, q.span) + (q.kind === 'direct' ? '»' : '')]]);
    li.dataset.kind = q.kind;
    li.dataset.testid = 'quote';
    return li;
  });
  $('quotes-box').hidden = quotes.length === 0;
}

/** The sources the texts in view cite, each with how often (in view). */
function renderSources(result, view) {
  const sources = $('sources');
  sources.replaceChildren();
  let shown = 0;
  for (const src of result.sources || []) {
    const count = view.kind === 'article' ? inView(src.citations, view).length : src.count;
    if (count === 0) continue;
    sources.append(factItem([['name', src.name], ['count', `× ${formatNumber(count)}`]]));
    shown++;
  }
  $('sources-box').hidden = shown === 0;
}

/**
 * The timeline (dated events across the texts; in an article's tab, the events it reports) and,
 * across texts, the figures the outlets give differently.
 */
function renderTimeline(result, inputs, view) {
  const story = result.story || {};
  const list = $('timeline');
  list.replaceChildren();
  const events = (story.timeline || []).filter((e) => view.kind !== 'article' || e.support.includes(view.input));
  appendInChunks(list, events, (e) => {
    const li = factItem([['date', e.value], ['sentence', e.text],
      ['meta', inputs.length > 1 ? e.support.map((i) => inputName(inputs, i)).join(t('list.comma')) : '']]);
    li.dataset.value = e.value;
    return li;
  });
  $('timeline-box').hidden = events.length === 0;
}

/** The figures the outlets give differently: each outlet's value beside the others. */
function renderFigures(result, inputs) {
  const figures = $('figures');
  figures.replaceChildren();
  const story = result.story || {};
  for (const f of story.figures || []) {
    // The unit, then each outlet's value with its name, a pair that a line never cuts.
    const li = factItem([['unit', f.unit ? `${f.unit}:` : '']]);
    for (const v of f.values || []) {
      const pair = factItem([['value', v.text], ['meta', `(${inputName(inputs, v.input)})`]]);
      const span = document.createElement('span');
      span.className = 'pair';
      span.append(...pair.childNodes);
      li.append(span, document.createTextNode(' '));
    }
    figures.append(li);
  }
  $('figures-box').hidden = !(story.figures || []).length;
}

/** The counts, each with its raw value in data-value. */
function renderStats(result, ms) {
  for (const key of ['documents', 'sentences', 'words', 'tokens']) {
    $(`stat-${key}`).textContent = formatNumber(result.stats[key]);
    $(`stat-${key}`).dataset.value = result.stats[key];
  }
  $('stat-time').textContent = t('stat.ms', formatNumber(Math.max(1, Math.round(ms))));
}

/** The articles in view with their headline, date and byline, each cut from its input by span. */
function renderDocuments(result, inputs, view) {
  const slice = (input, span) => inputs[input].text.slice(span[0], span[1]);
  const docs = $('documents');
  docs.replaceChildren();
  appendInChunks(docs, inView(result.documents, view), (d) => {
    const li = document.createElement('li');
    li.dataset.input = d.input;
    const title = document.createElement('strong');
    title.dir = 'auto';
    title.textContent = d.headline ? slice(d.input, d.headline.span) : t('documents.untitled');
    li.append(title);
    const meta = [];
    if (d.dateline) meta.push(d.dateline.value.replace('T', ' '));
    if (d.byline) meta.push(slice(d.input, d.byline.span));
    if (inputs.length > 1) meta.push(inputName(inputs, d.input));
    if (meta.length) {
      const small = document.createElement('span');
      small.className = 'meta';
      small.dir = 'rtl';
      small.textContent = meta.join(' · ');
      li.append(small);
    }
    return li;
  });
}

/** The sentences in view, each cut from its input by its span. */
function renderSentences(result, inputs, view) {
  const list = $('sentences');
  list.replaceChildren();
  appendInChunks(list, inView(result.sentences, view), (s) => {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.dataset.input = s.input;
    li.dataset.block = s.block;
    li.textContent = inputs[s.input].text.slice(s.span[0], s.span[1]);
    if (s.block !== 'paragraph') li.title = t(`block.${s.block}`);
    return li;
  });
}

/** The web noise set aside in view (repeated lines, interface strings, related links). */
function renderNoise(result, inputs, view) {
  const noise = $('noise');
  noise.replaceChildren();
  const items = inView(result.noise, view);
  appendInChunks(noise, items, (n) => {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.dataset.kind = n.kind;
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = t(`noise.${n.kind}`);
    const text = document.createElement('span');
    const cut = inputs[n.input].text.slice(n.span[0], n.span[1]);
    text.textContent = cut.length > 160 ? `${cut.slice(0, 160)}…` : cut;
    li.append(kind, text);
    return li;
  });
  $('noise-count').textContent = formatNumber(items.length);
  $('noise-box').hidden = items.length === 0;
}

/** The views of a result: with several inputs, one per input then the story; else all at once. */
function viewsOf(inputs) {
  if (inputs.length < 2) return [ALL];
  return [...inputs.map((_, input) => ({kind: 'article', input})), {kind: 'story'}];
}

const sameView = (a, b) => a.kind === b.kind && a.input === b.input;

/**
 * The tabs over several inputs (a tablist: one tab per article named by its headline, then the
 * story); none for one input. The selected tab is state.view's.
 */
function renderTabs(result, inputs) {
  const list = $('tabs');
  const panel = $('tab-panel');
  list.replaceChildren();
  const views = viewsOf(inputs);
  if (views.length === 1) {
    list.hidden = true;
    panel.removeAttribute('role');
    panel.removeAttribute('aria-labelledby');
    return;
  }
  views.forEach((view, n) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `tab-${n}`;
    tab.className = 'tab';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', 'tab-panel');
    tab.dataset.testid = 'tab';
    tab.dataset.view = view.kind === 'story' ? 'story' : String(view.input);
    // The tab takes its headline's direction, so a long one is cut at its own end.
    tab.dir = 'auto';
    const label = document.createElement('span');
    if (view.kind === 'story') {
      tab.classList.add('story-tab');
      label.textContent = t('tabs.story');
    } else {
      const d = result.documents.find((doc) => doc.input === view.input);
      const text = inputs[view.input].text;
      label.textContent = d && d.headline ? text.slice(d.headline.span[0], d.headline.span[1])
        : inputName(inputs, view.input);
      tab.title = `${label.textContent} (${inputName(inputs, view.input)})`;
    }
    tab.append(label);
    tab.addEventListener('click', () => selectView(view));
    list.append(tab);
  });
  panel.setAttribute('role', 'tabpanel');
  list.hidden = false;
}

/** Marks the tab of view selected (the only one Tab reaches) and names the panel after it. */
function markSelectedTab(view) {
  const tabs = [...$('tabs').querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    const on = tab.dataset.view === (view.kind === 'story' ? 'story' : String(view.input));
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on) $('tab-panel').setAttribute('aria-labelledby', tab.id);
  }
}

/** Shows another tab: its panels are drawn again for that view. */
function selectView(view, {focus = false} = {}) {
  if (!state.last) return;
  state.view = view;
  markSelectedTab(view);
  if (focus) $('tabs').querySelector('[aria-selected="true"]')?.focus();
  drawView(state.last.result, state.last.inputs, view);
}

/** Arrow keys move between tabs (left and right as they are laid out), Home and End to the ends. */
function onTabKey(event) {
  const tabs = [...$('tabs').querySelectorAll('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement);
  if (at < 0) return;
  const rtl = getComputedStyle($('tabs')).direction === 'rtl';
  const step = {ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1}[event.key];
  let next;
  if (step) next = (at + step + tabs.length) % tabs.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = tabs.length - 1;
  else return;
  event.preventDefault();
  selectView(viewsOf(state.last.inputs)[next], {focus: true});
}

/**
 * Shows an analysis: the counts, the tabs (several inputs) and the panels of the selected view
 * (state.view if it is one of this result's, else the first).
 */
function showResult(result, inputs, ms) {
  renderStats(result, ms);
  renderTabs(result, inputs);
  const views = viewsOf(inputs);
  if (!state.view || !views.some((v) => sameView(v, state.view))) state.view = views[0];
  markSelectedTab(state.view);
  return drawView(result, inputs, state.view);
}

/**
 * Draws the panels of one view: one small function per panel, each in a task of its own so that
 * a large result never blocks the page for long. A newer drawing stops an older one.
 * body[data-rendered] is set once every panel is drawn.
 */
async function drawView(result, inputs, view) {
  const run = state.renderRun = (state.renderRun || 0) + 1;
  delete document.body.dataset.rendered;
  $('tab-panel').dataset.view = view.kind;
  let marks;
  const article = [
    () => renderSummaries(result, inputs, view),
    () => renderEntities(result, view),
    () => renderQuotes(result, inputs, view),
    // The text's marks gathered in one task, drawn in the next: a long text keeps both short.
    () => { marks = textSegments(result, inputs, view); },
    () => renderText(inputs, view, marks),
    () => renderDocuments(result, inputs, view),
    () => renderSentences(result, inputs, view),
    () => renderNoise(result, inputs, view),
  ];
  const story = [
    () => renderStory(result, inputs),
    () => renderFigures(result, inputs),
  ];
  const both = [
    () => renderSources(result, view),
    () => renderTimeline(result, inputs, view),
  ];
  const panels = view.kind === 'article' ? [...article, ...both]
    : view.kind === 'story' ? [...story, ...both] : [...article, ...story, ...both];
  for (const render of panels) {
    render();
    await new Promise((next) => setTimeout(next));
    if (run !== state.renderRun) return;
  }
  $('result').hidden = false;
  document.body.dataset.rendered = 'true';
}

/** Switches the interface between Arabic and English; the shown result is drawn again. */
function toggleLanguage() {
  setLanguage(language() === 'ar' ? 'en' : 'ar');
  renderFiles();
  if (state.last) showResult(state.last.result, state.last.inputs, state.last.ms);
}

/** The legend's switches: each shows or hides one type's marks in the text. */
function toggleType(button) {
  const on = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(on));
  $('text-view').classList.toggle(`hide-${button.dataset.type}`, !on);
}

$('analyze').addEventListener('click', analyze);
$('files').addEventListener('change', (event) => {
  addFiles(event.target.files).then(() => { event.target.value = ''; });
});
for (const target of [$('drop-zone'), $('text')]) {
  target.addEventListener('dragover', (event) => {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  });
  target.addEventListener('drop', (event) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    addFiles(event.dataTransfer.files);
  });
}
$('cancel').addEventListener('click', cancel);
for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => exportAs(button.dataset.export));
}
$('demo').addEventListener('click', () => {
  $('text').value = DEMO_TEXT;
  if (state.ready) analyze();
});
$('text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && state.ready) analyze();
});
$('lang').addEventListener('click', toggleLanguage);
$('tabs').addEventListener('keydown', onTabKey);
for (const button of document.querySelectorAll('#legend button[data-type]')) {
  button.addEventListener('click', () => toggleType(button));
}
// Test hook: makes the worker throw, as a crash would (tests/browser/worker.test.mjs).
window.addEventListener('basira:crash-worker', () => state.worker.postMessage({type: 'crash'}));

/**
 * Registers the service worker that keeps the page's files for offline use, once: when the
 * analyzer is first ready. Its install downloads every file of the site again (3.4 MB), which
 * registered at load competed with the page's own download and compile of the wasm.
 */
let serviceWorkerRegistered = false;
function registerServiceWorker() {
  if (serviceWorkerRegistered || !('serviceWorker' in navigator)) return;
  serviceWorkerRegistered = true;
  try {
    navigator.serviceWorker.register('sw.js')
        .catch((e) => console.warn(`basira: no offline copy (${e})`));
  } catch (e) {
    console.warn(`basira: no offline copy (${e})`);
  }
}

/**
 * The page's Arabic font, Noto Naskh Arabic (regular and bold, the Arabic subset: the ranges its
 * @fontsource package gives), added once: when the analyzer is first ready or has failed, or
 * FONT_LATEST_MS after the page's load event, whichever comes first. Declared in CSS, its two
 * downloads, their decoding and the second layout of the text they cause ran in the same
 * milliseconds as the wasm's download and compile, on the same main thread: cold page-ready
 * 25-30 ms later at the median (tools/bench/bench_page.mjs in paired loads, 2026-12-05). The text
 * is drawn in the fallback fonts until then, as it was with font-display: swap until the files
 * arrived.
 */
const FONT_LATEST_MS = 1000;
const FONT_RANGE = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, ' +
    'U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';
let fontsAdded = false;
function loadFonts() {
  if (fontsAdded || typeof FontFace !== 'function' || !document.fonts) return;
  fontsAdded = true;
  for (const weight of ['400', '700']) {
    const face = new FontFace('Noto Naskh Arabic',
        `url(fonts/noto-naskh-arabic-arabic-${weight}-normal.woff2) format("woff2")`,
        {style: 'normal', weight, display: 'swap', unicodeRange: FONT_RANGE});
    document.fonts.add(face);
    face.load().catch((e) => console.warn(`basira: font not loaded (${e})`));
  }
}
const fontsLatest = () => setTimeout(loadFonts, FONT_LATEST_MS);
if (document.readyState === 'complete') fontsLatest();
else window.addEventListener('load', fontsLatest, {once: true});

if (savedLanguage() !== 'ar') setLanguage(savedLanguage(), {remember: false});
startWorker();
