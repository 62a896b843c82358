/**
 * The analysis worker: loads basira's wasm module once and runs analyses off the main thread.
 *
 * Messages in:  {type: 'module', module}  (from web/boot.js: the compiled WebAssembly.Module,
 *                                          or null to fetch it here)
 *               {type: 'analyze', id, inputs: [{name, text}], options: {...}}
 *               {type: 'crash'}   (tests: throws outside any handler, as a real crash would)
 * Messages out: {type: 'ready', version}
 *               {type: 'warm'}  (the warm-up is done; see warmUp)
 *               {type: 'progress', id, stage, done, total}
 *               {type: 'result-part', id, key, json}  (zero or more, before the result: a JSON
 *                                          array of some of the elements of the result's array
 *                                          `key`, in order)
 *               {type: 'result', id, json, ms}  (json: the basira.analysis JSON, with the arrays
 *                                          given in parts empty; ms: the time in the module)
 *               {type: 'error', id, error: {code, message, ...}}  (id null: the module
 *                                          could not be loaded; code 'unsupported' when the
 *                                          browser lacks WebAssembly or its SIMD)
 * Cancelling is terminating this worker; the page makes a new one.
 */
/* global createBasira */

// The compiled module. A worker started by the page (web/boot.js, which names it so) is handed
// the Module the page compiled from the first moments of the load, in a 'module' message; it
// fetches the wasm itself only if the page could not compile it. Any other worker fetches it at
// once, before the glue script is even fetched, so the two overlap. The fetch is compiled as it
// streams in; a server that does not send application/wasm gets the slower, non-streamed compile.
function fetchAndCompile() {
  return fetch('basira.wasm', {credentials: 'same-origin'}).then((response) => {
    if (!response.ok) throw new Error(`basira.wasm: HTTP ${response.status}`);
    const type = response.headers.get('Content-Type') || '';
    return type.startsWith('application/wasm') ?
        WebAssembly.compileStreaming(response) :
        response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
}
let moduleFromPage = null;
const compiled = self.name === 'basira:module-from-page' ?
    new Promise((resolve) => { moduleFromPage = resolve; })
        .then((module) => module || fetchAndCompile()) :
    fetchAndCompile();
importScripts('basira.js');

/** Progress messages are throttled to about this many milliseconds apart. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * About how many bytes of a large array's JSON go in one message. The page parses each message's
 * JSON in a task of its own: a big analysis in one message would block its main thread for as
 * long as that parse takes (about 15 ms for the 4 MB of a megabyte of text).
 */
const PART_BYTES = 128 * 1024;

// A wasm abort leaves the module unusable: the worker then dies with an uncaught error, and the
// page, seeing it, starts a new worker.
const modulePromise = compiled.then((wasm) => createBasira({
  onAbort: (what) => setTimeout(() => { throw new Error(`basira aborted: ${what}`); }),
  instantiateWasm(imports, receive) {
    WebAssembly.instantiate(wasm, imports).then(
        (instance) => receive(instance, wasm),
        (e) => setTimeout(() => { throw e; }));
    return {};
  },
}));

/**
 * Warm-up text, our own writing (a made-up report): names, places, an organization, dates,
 * figures and a quote, so that every stage of the analyzer runs on it.
 */
const WARM_TEXT = `مجلس المدينة يقر خطة لتوسيع شبكة الحافلات الكهربائية

عمّان — خدمة بصيرة التجريبية

الأحد ٣ مارس ٢٠٢٤

أقر مجلس مدينة عمّان أمس خطة لتوسيع شبكة الحافلات الكهربائية بإضافة 120 حافلة جديدة خلال 18 شهراً، بتكلفة تقارب 45 مليون دينار. وقالت رئيسة لجنة النقل في المجلس سلمى الحسيني للصحفيين: "نريد أن يصل كل حي إلى وسط المدينة في أقل من نصف ساعة".

وأضافت أن البنك الأوروبي لإعادة الإعمار والتنمية سيمول نحو 40 في المئة من الكلفة، وأن المرحلة الأولى تبدأ في أيلول/ سبتمبر المقبل على خطين يربطان الزرقاء بالعاصمة.

ونقلت وكالة الأنباء الأردنية (بترا) عن وزير النقل قوله إن الحكومة تدرس خفض رسوم الاستيراد على الحافلات الكهربائية بنسبة 25 في المئة، فيما طالب نواب بنشر دراسة الجدوى كاملة قبل توقيع العقود في الأول من حزيران المقبل.`;

/**
 * A second report of the same made-up event, as another outlet might write it (our own writing
 * too; other figures, a quote worded otherwise), so that the warm-up also runs what only a
 * request of several articles runs: the story's agreements and differences, the duplicates.
 */
const WARM_TEXT_2 = `عمّان توسع أسطول الحافلات الكهربائية

عمّان — وكالة الأخبار التجريبية

وافق مجلس مدينة عمّان يوم الأحد على خطة لزيادة الحافلات الكهربائية بمئة حافلة خلال عامين، بكلفة 50 مليون دينار. وقالت سلمى الحسيني، رئيسة لجنة النقل، إن "الخطة ستخدم كل الأحياء".

وأشار بيان المجلس إلى أن البنك الأوروبي لإعادة الإعمار والتنمية سيمول جزءاً من المشروع، بينما قال وزير النقل إن الحكومة ستخفض رسوم الاستيراد بنسبة 20 في المئة اعتباراً من الأول من حزيران.`;

/**
 * V8 runs new wasm code in its baseline compiler and optimizes a function only once it has run
 * enough, in the background. The worker therefore analyzes the warm-up texts, one article and
 * then two in turn, for WARM_MS while the reader is still pasting, so that the reader's first
 * analysis runs optimized code. Measured in Chromium on the five samples once 'warm' was posted
 * (2026-12-04, three page loads each): after 12 runs of one article (160 ms), the first analysis
 * took 132-162 ms and the next ones stayed above 40 ms for about ten more; after 1.5 s of both,
 * 32-38 ms and then 17-25 ms from the third. It stops at once when a request arrives (from then
 * on the reader's analyses warm the code), and each run is a separate task of a few
 * to some tens of milliseconds, so a request waits for one small run at most.
 */
const WARM_MS = 1500;
let warmStart = 0;
let warmRuns = 0;
let warmDone = false;
let busy = false;
function warmUp(m) {
  if (busy || warmDone) return;
  if (!warmStart) warmStart = performance.now();
  m.analyze(JSON.stringify(++warmRuns % 2 ? [WARM_TEXT] : [WARM_TEXT, WARM_TEXT_2]), '{}');
  if (performance.now() - warmStart >= WARM_MS) {
    warmDone = true;
    postMessage({type: 'warm'});
  } else {
    setTimeout(() => warmUp(m));
  }
}

/**
 * Whether this engine runs WebAssembly with 128-bit SIMD, which basira.wasm is built with (the
 * entity tagger sums its weights with vectors): a function returning a v128 constant must
 * validate. Without it the module cannot compile, and the page says why instead of showing an
 * internal error.
 */
function hasWasmSimd() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(new Uint8Array([
      0, 97, 115, 109, 1, 0, 0, 0,  // "\0asm", version 1
      1, 5, 1, 96, 0, 1, 123,  // type section: one type, () -> v128
      3, 2, 1, 0,  // function section: one function of type 0
      10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,  // v128.const 0
    ]));
  } catch (e) {
    return false;
  }
}

modulePromise.then(
  (m) => {
    postMessage({type: 'ready', version: m.version()});
    setTimeout(() => warmUp(m));
  },
  (e) => postMessage({
    type: 'error',
    id: null,
    error: {code: hasWasmSimd() ? 'internal' : 'unsupported', message: String(e)},
  }));

// A module that could not be cloned into this worker: fetch and compile it here instead.
self.onmessageerror = () => {
  if (moduleFromPage) {
    moduleFromPage(null);
    moduleFromPage = null;
  }
};

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.type === 'module' && moduleFromPage) {
    const ok = typeof WebAssembly === 'object' && msg.module instanceof WebAssembly.Module;
    moduleFromPage(ok ? msg.module : null);
    moduleFromPage = null;
    return;
  }
  if (msg && msg.type === 'crash') {
    setTimeout(() => { throw new Error('crash requested'); });
    return;
  }
  if (!msg || msg.type !== 'analyze') return;
  const {id} = msg;
  busy = true;  // the reader's analyses warm the code up from now on
  try {
    const m = await modulePromise;
    const started = performance.now();
    let last = 0;
    const onProgress = (stage, done, total) => {
      const now = performance.now();
      if (now - last >= PROGRESS_INTERVAL_MS) {
        last = now;
        postMessage({type: 'progress', id, stage, done, total});
      }
      return true;
    };
    // The result stays JSON text on its way to the page: a string is copied into the page as it
    // is, where the parsed objects would have been parsed here and then copied one by one
    // (30-40 ms more on a megabyte of text in Chromium, 2026-12-05).
    const {ok, head, parts} = m.analyzeInParts(
        JSON.stringify(msg.inputs), JSON.stringify(msg.options || {}), onProgress, PART_BYTES);
    const ms = performance.now() - started;
    if (!ok) {
      postMessage({type: 'error', id, error: JSON.parse(head).error});
    } else {
      for (const {key, json} of parts) postMessage({type: 'result-part', id, key, json});
      postMessage({type: 'result', id, json: head, ms});
    }
  } catch (e) {
    postMessage({type: 'error', id, error: {code: 'internal', message: String(e && e.message || e)}});
  }
};
