// basira.js's string API (src/wasm/bindings.cc lists it) on top of the byte boundary: the
// request is encoded straight into the module's memory and the result decoded from a view of it,
// each by the engine's own UTF-8 coder.
(function() {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  function analyzeWithProgress(inputsJson, optionsJson, onProgress) {
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
      return decoder.decode(view);
    } finally {
      Module['releaseOutput']();
    }
  }
  Module['analyzeWithProgress'] = analyzeWithProgress;
  Module['analyze'] = function(inputsJson, optionsJson) {
    return analyzeWithProgress(inputsJson, optionsJson, null);
  };
})();
