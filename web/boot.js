/**
 * Starts the analyzer while the page is still loading: a classic script in the document's head,
 * run before the page's modules are even fetched.
 *
 * Guarantees, for web/app.js (which takes over through `self.basiraBoot`):
 *   - `compiled`: a promise of the compiled WebAssembly.Module of basira.wasm, fetched and
 *     compiled as it streams in (off the main thread) from the first milliseconds of the load. It
 *     resolves to null when it cannot be had here (no compileStreaming, a server that does not
 *     send application/wasm, an HTTP error): a worker then fetches and compiles the wasm itself.
 *   - `startWorker()`: a new analysis worker that is handed that Module, so it only instantiates:
 *     the first worker at once, and every restart (after a crash or a cancel) without a download
 *     or a compile.
 *   - `worker`: the first worker, started here; `early`: the messages it sent before the page
 *     took them over (its 'ready' may come before app.js has run), in order, none dropped; an
 *     uncaught error in it before then is kept there as {type: 'died', message}.
 */
(function boot() {
  'use strict';
  // The worker knows by this name that its Module comes in a message (see web/worker.js).
  const WORKER_NAME = 'basira:module-from-page';

  let compiled;
  try {
    compiled = typeof WebAssembly === 'object' && WebAssembly.compileStreaming ?
        WebAssembly.compileStreaming(fetch('basira.wasm', {credentials: 'same-origin'}))
            .catch(() => null) :
        Promise.resolve(null);
  } catch (e) {
    compiled = Promise.resolve(null);
  }

  function startWorker() {
    const worker = new Worker('worker.js', {name: WORKER_NAME});
    compiled.then((module) => {
      try {
        worker.postMessage({type: 'module', module});
      } catch (e) {
        worker.postMessage({type: 'module', module: null});  // the worker compiles it itself
      }
    });
    return worker;
  }

  const worker = startWorker();
  const early = [];
  worker.onmessage = (event) => early.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    early.push({type: 'died', message: event.message});
  };
  self.basiraBoot = {compiled, startWorker, worker, early};
})();
