/**
 * basira's page: sends the pasted texts to the analysis worker and shows what comes back.
 *
 * User text reaches the DOM only through textContent (never innerHTML), and nothing is fetched
 * from anywhere but this page's own origin.
 */
import {bratText, download, toBrat, toConll, toCsv, toJson} from './export.js';

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

/**
 * The page's state: the current worker, the request in flight ({id, inputs, onResult}) and the
 * last analysis shown ({result, inputs}), which the exports use.
 */
const state = {worker: null, ready: false, nextId: 1, pending: null, last: null};

function startWorker() {
  state.ready = false;
  $('analyze').disabled = true;
  const worker = new Worker('worker.js');
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    showError(`توقف المحلّل عن العمل (${event.message || 'خطأ غير معروف'}). أُعيد تشغيله؛ نصك محفوظ.`);
    finishRequest();
    state.worker.terminate();
    startWorker();
  };
  state.worker = worker;
}

function onWorkerMessage(msg) {
  switch (msg.type) {
    case 'ready':
      state.ready = true;
      $('analyze').disabled = false;
      $('engine').textContent = 'المحلّل جاهز';
      $('version').textContent = `basira ${msg.version}`;
      document.body.dataset.ready = 'true';
      break;
    case 'progress':
      if (state.pending && msg.id === state.pending.id) {
        $('progress').max = msg.total || 1;
        $('progress').value = msg.done;
      }
      break;
    case 'result':
      if (state.pending && msg.id === state.pending.id) {
        const {inputs, onResult} = state.pending;
        finishRequest();
        onResult(msg.result, inputs, msg.ms);
      }
      break;
    case 'error':
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
      problems.push(`«${file.name}» ملف ثنائي وليس نصاً (بايت صفري عند الموضع ${nul}).`);
      continue;
    }
    let text;
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    } catch {
      problems.push(`«${file.name}» ليس نصاً بترميز UTF-8؛ احفظه بترميز UTF-8 وأعد المحاولة.`);
      continue;
    }
    if (text.trim() === '') {
      problems.push(`«${file.name}» فارغ.`);
      continue;
    }
    files.push({name: file.name, text});
  }
  renderFiles();
  if (problems.length) showError(problems.join(' ')); else hideError();
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
    remove.textContent = 'إزالة';
    remove.setAttribute('aria-label', `إزالة ${file.name}`);
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
  const pasted = $('text').value.split(SEPARATOR)
      .map((text, i) => ({name: `نص ${i + 1}`, text}))
      .filter((input) => input.text.trim() !== '');
  return [...files, ...pasted];
}

function analyze() {
  hideError();
  const inputs = readInputs();
  if (inputs.length === 0) {
    showError('لا يوجد نص للتحليل: الصق مقالاً أو افتح ملفاً أولاً.');
    return;
  }
  const bad = inputs.findIndex((input) => !input.text.isWellFormed());
  if (bad >= 0) {
    showError(`النص ${bad + 1} يحوي محارف غير صالحة (نصف زوج بديل في UTF-16)؛ لا يمكن تحليله.`);
    return;
  }
  request(inputs, {}, (result, analyzed, ms) => {
    state.last = {result, inputs: analyzed};
    showResult(result, analyzed, ms);
  });
}

/** Sends inputs to the worker; onResult(result, inputs, ms) gets the analysis. */
function request(inputs, options, onResult) {
  const id = state.nextId++;
  state.pending = {id, inputs, onResult};
  $('analyze').disabled = true;
  $('cancel').hidden = false;
  $('progress').hidden = false;
  $('progress').value = 0;
  document.body.dataset.busy = 'true';
  state.worker.postMessage({type: 'analyze', id, inputs, options});
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
  showError('أُلغي التحليل.');
}

function finishRequest() {
  state.pending = null;
  $('cancel').hidden = true;
  $('progress').hidden = true;
  $('analyze').disabled = !state.ready;
  delete document.body.dataset.busy;
}

const ERROR_TEXT = {
  invalid_utf8: 'النص ليس بترميز UTF-8 صالح',
  binary_data: 'هذا ملف ثنائي وليس نصاً',
  empty_input: 'النص فارغ',
  input_too_large: 'النص أكبر من الحد المسموح',
  invalid_argument: 'طلب غير صالح',
  cancelled: 'أُلغي التحليل',
  internal: 'خطأ داخلي في المحلّل',
};

const TYPE_TEXT = {PER: 'شخص', LOC: 'مكان', ORG: 'منظمة', MISC: 'أخرى'};

/** Lists the entities, most salient first; a click marks all mentions of one entity. */
function renderEntities(result) {
  const list = $('entities');
  list.replaceChildren();
  result.entities.forEach((e) => {
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
    count.textContent = new Intl.NumberFormat('ar-EG').format(e.mentions.length);
    button.append(name, latin, count);
    button.title = `${TYPE_TEXT[e.type]} · ${e.latin} · ${e.mentions.length}`;
    button.addEventListener('click', () => selectEntity(e.id));
    li.append(button);
    list.append(li);
  });
}

function selectEntity(id) {
  const already = document.querySelector(`.entity[data-entity="${id}"][aria-pressed="true"]`);
  for (const el of document.querySelectorAll('.entity[aria-pressed="true"]')) {
    el.setAttribute('aria-pressed', 'false');
  }
  for (const el of document.querySelectorAll('mark.selected')) el.classList.remove('selected');
  if (already) return;
  document.querySelector(`.entity[data-entity="${id}"]`)?.setAttribute('aria-pressed', 'true');
  const marks = document.querySelectorAll(`mark[data-entity="${id}"]`);
  for (const el of marks) el.classList.add('selected');
  marks[0]?.scrollIntoView({block: 'center', behavior: 'smooth'});
}

/**
 * Shows each input's text with entity mentions as <mark data-type data-entity> and web noise
 * greyed out. Everything is built from text nodes cut by span: no markup from the text.
 */
function renderText(result, inputs) {
  const view = $('text-view');
  view.replaceChildren();
  inputs.forEach((input, i) => {
    const segments = [];
    for (const e of result.entities) {
      for (const m of e.mentions) {
        if (m.input === i) segments.push({span: m.span, type: e.type, entity: e.id, name: e.name, latin: e.latin, kind: m.kind, count: e.mentions.length});
      }
    }
    for (const n of result.noise) {
      if (n.input === i) segments.push({span: n.span, noise: n.kind});
    }
    segments.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    const article = document.createElement('article');
    article.className = 'doc';
    article.dir = 'rtl';
    if (inputs.length > 1) {
      const h = document.createElement('h4');
      h.textContent = input.name;
      article.append(h);
    }
    let pos = 0;
    for (const seg of segments) {
      if (seg.span[0] < pos) continue;
      article.append(document.createTextNode(input.text.slice(pos, seg.span[0])));
      const el = document.createElement(seg.noise ? 'span' : 'mark');
      el.textContent = input.text.slice(seg.span[0], seg.span[1]);
      if (seg.noise) {
        el.className = 'noise-text';
        el.title = NOISE_TEXT[seg.noise] || seg.noise;
      } else {
        el.dataset.type = seg.type;
        el.dataset.entity = seg.entity;
        el.title = `${TYPE_TEXT[seg.type]}: ${seg.name} (${seg.latin}) · ${seg.count}`;
        el.addEventListener('click', () => selectEntity(seg.entity));
      }
      article.append(el);
      pos = seg.span[1];
    }
    article.append(document.createTextNode(input.text.slice(pos)));
    view.append(article);
  });
}

/** Names of block kinds, shown as a tooltip on sentences that are not body text. */
const BLOCK_TEXT = {
  headline: 'عنوان', subheadline: 'عنوان فرعي', section: 'قسم', byline: 'الكاتب أو المصدر',
  dateline: 'تاريخ النشر', caption: 'تعليق صورة', heading: 'عنوان داخلي', paragraph: 'فقرة',
};

/** Names of noise kinds. */
const NOISE_TEXT = {
  duplicate: 'سطر مكرر', interface: 'عنصر واجهة', related: 'روابط ذات صلة', separator: 'فاصل',
};

function describeError(error) {
  const title = ERROR_TEXT[error.code] || 'خطأ';
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

/** Renders counts and the sentence list; every sentence is cut from the input by its span. */
function showResult(result, inputs, ms) {
  const fmt = new Intl.NumberFormat('ar-EG');
  $('stat-documents').textContent = fmt.format(result.stats.documents);
  $('stat-sentences').textContent = fmt.format(result.stats.sentences);
  $('stat-words').textContent = fmt.format(result.stats.words);
  $('stat-tokens').textContent = fmt.format(result.stats.tokens);
  $('stat-time').textContent = `${fmt.format(Math.max(1, Math.round(ms)))} ملّي ثانية`;
  $('stat-documents').dataset.value = result.stats.documents;
  $('stat-sentences').dataset.value = result.stats.sentences;
  $('stat-words').dataset.value = result.stats.words;
  $('stat-tokens').dataset.value = result.stats.tokens;

  const slice = (input, span) => inputs[input].text.slice(span[0], span[1]);

  renderEntities(result);
  renderText(result, inputs);

  const docs = $('documents');
  docs.replaceChildren();
  for (const d of result.documents) {
    const li = document.createElement('li');
    li.dataset.input = d.input;
    const title = document.createElement('strong');
    title.dir = 'auto';
    title.textContent = d.headline ? slice(d.input, d.headline.span) : 'مقال دون عنوان';
    li.append(title);
    const meta = [];
    if (d.dateline) meta.push(d.dateline.value.replace('T', ' '));
    if (d.byline) meta.push(slice(d.input, d.byline.span));
    if (inputs.length > 1) meta.push(inputs[d.input].name);
    if (meta.length) {
      const small = document.createElement('span');
      small.className = 'meta';
      small.dir = 'rtl';
      small.textContent = meta.join(' · ');
      li.append(small);
    }
    docs.append(li);
  }

  const list = $('sentences');
  list.replaceChildren();
  for (const s of result.sentences) {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.dataset.input = s.input;
    li.dataset.block = s.block;
    li.textContent = slice(s.input, s.span);
    if (s.block !== 'paragraph') li.title = BLOCK_TEXT[s.block] || s.block;
    list.append(li);
  }

  const noise = $('noise');
  noise.replaceChildren();
  for (const n of result.noise) {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.dataset.kind = n.kind;
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = NOISE_TEXT[n.kind] || n.kind;
    const text = document.createElement('span');
    const cut = slice(n.input, n.span);
    text.textContent = cut.length > 160 ? `${cut.slice(0, 160)}…` : cut;
    li.append(kind, text);
    noise.append(li);
  }
  $('noise-count').textContent = fmt.format(result.noise.length);
  $('noise-box').hidden = result.noise.length === 0;
  $('result').hidden = false;
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
/** Registers the service worker that keeps the page's files for offline use. */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn(`basira: no offline copy (${e})`));
}

startWorker();
registerServiceWorker();
