/**
 * The analysis worker: loads basira's wasm module once and runs analyses off the main thread.
 *
 * Messages in:  {type: 'analyze', id, inputs: [{name, text}], options: {...}}
 * Messages out: {type: 'ready', version}
 *               {type: 'progress', id, stage, done, total}
 *               {type: 'result', id, result, ms}     (result: the parsed basira.analysis JSON)
 *               {type: 'error', id, error: {code, message, ...}}
 * Cancelling is terminating this worker; the page makes a new one.
 */
/* global createBasira */
importScripts('basira.js');

/** Progress messages are throttled to about this many milliseconds apart. */
const PROGRESS_INTERVAL_MS = 50;

const modulePromise = createBasira();

modulePromise.then(
  (m) => {
    postMessage({type: 'ready', version: m.version()});
    // Load the analyzer's resources (break rules, lexicons) now rather than on the first request.
    m.analyze('["."]', '{}');
  },
  (e) => postMessage({type: 'error', id: null, error: {code: 'internal', message: String(e)}}));

self.onmessage = async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'analyze') return;
  const {id} = msg;
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
    const out = m.analyzeWithProgress(
        JSON.stringify(msg.inputs), JSON.stringify(msg.options || {}), onProgress);
    const ms = performance.now() - started;
    const parsed = JSON.parse(out);
    if (parsed.error) {
      postMessage({type: 'error', id, error: parsed.error});
    } else {
      postMessage({type: 'result', id, result: parsed, ms});
    }
  } catch (e) {
    postMessage({type: 'error', id, error: {code: 'internal', message: String(e && e.message || e)}});
  }
};
