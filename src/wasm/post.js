// basira.js's string API (src/wasm/bindings.cc lists it) on top of the byte boundary: the
// request is encoded straight into the module's memory and the result decoded from a view of it,
// each by the engine's own UTF-8 coder.
(function() {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');

  /**
   * Runs one analysis and hands `read(bytes)` the result's UTF-8 bytes, a view of the module's
   * memory good only during the call; returns what `read` returns.
   */
  function run(inputsJson, optionsJson, onProgress, read) {
    if (typeof inputsJson !== 'string' || typeof optionsJson !== 'string') {
      throw new TypeError('basira: analyze takes the inputs and the options as JSON strings');
    }
    // Encoded outside the module's memory first, so the buffer inside it has the exact size.
    const bytes = encoder.encode(inputsJson);
    const at = Module['inputBuffer'](bytes.length);
    // HEAPU8 is read after the call: making the buffer may have grown the memory.
    Module['HEAPU8'].set(bytes, at);
    // An exception must not unwind through the C++ (built without exceptions: nothing would be
    // freed): one thrown by onProgress cancels the analysis and is thrown again after it.
    let thrown = null;
    const progress = typeof onProgress !== 'function' ? null : (stage, done, total) => {
      try {
        return onProgress(stage, done, total);
      } catch (e) {
        thrown = {e};
        return false;
      }
    };
    const view = Module['analyzeBuffer'](bytes.length, optionsJson, progress);
    try {
      if (thrown) throw thrown.e;
      return read(view);
    } finally {
      Module['releaseOutput']();
    }
  }

  function analyzeWithProgress(inputsJson, optionsJson, onProgress) {
    return run(inputsJson, optionsJson, onProgress, (view) => decoder.decode(view));
  }

  /**
   * The result taken apart at the bounds the writer recorded (outputLayout), without parsing it:
   * {ok, head, parts}. Each array that is a value of the top-level object and longer than
   * partBytes is `[]` in head, and its elements are in parts, [{key, json}] in order, each json
   * an array of the elements that begin within about partBytes of the part's first. Parsing head
   * and putting each key's parts back together, in order, gives what parsing the whole result
   * gives. ok is false when head is an error ({"error": ...}).
   */
  function analyzeInParts(inputsJson, optionsJson, onProgress, partBytes) {
    return run(inputsJson, optionsJson, onProgress, (view) => {
      const layout = Module['outputLayout']();
      const text = (from, to) => decoder.decode(view.subarray(from, to));
      const head = [];
      const parts = [];
      let copied = 0;  // head holds the bytes before this
      for (let i = 1; i < layout.length; i += 4 + layout[i + 3]) {
        const [key, open, close, n] = [layout[i], layout[i + 1], layout[i + 2], layout[i + 3]];
        if (close - open <= partBytes) continue;
        head.push(text(copied, open + 1));
        copied = close;
        // "name":[ : the key's quotes hold our own ASCII names.
        const name = text(key + 1, open - 2);
        const items = layout.subarray(i + 4, i + 4 + n);
        for (let first = 0; first < n;) {
          let last = first + 1;  // one past the part's last element
          while (last < n && items[last] - items[first] <= partBytes) ++last;
          const end = last < n ? items[last] - 1 : close;  // before the comma, or the ']'
          parts.push({key: name, json: `[${text(items[first], end)}]`});
          first = last;
        }
      }
      head.push(text(copied, view.length));
      return {ok: layout[0] === 1, head: head.join(''), parts};
    });
  }

  Module['analyzeWithProgress'] = analyzeWithProgress;
  Module['analyzeInParts'] = analyzeInParts;
  Module['analyze'] = function(inputsJson, optionsJson) {
    return analyzeWithProgress(inputsJson, optionsJson, null);
  };
})();
