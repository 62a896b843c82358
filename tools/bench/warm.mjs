// Warming the wasm module up before it is timed. V8 first runs wasm in its baseline tier
// (Liftoff) and compiles hot functions with its optimizing tier (TurboFan) later, in the
// background, a few at a time: on 1 MB the optimized code takes 5-7 runs to be in place. Timing
// before that measures half-optimized code (a fixed warm-up of 2 s once gave wasm/native pairs
// of 1.9-2.0 among pairs of 1.4).

/**
 * Calls `run` (one untimed analysis) until the times are steady: at least `minRuns` runs and
 * `minMs` milliseconds, then until a run is within 5 % of the fastest before it, neither slower
 * nor faster (a run faster by more than that means the code is still getting faster); at most
 * `maxMs`. Returns the runs' times in ms, the first included.
 */
export function warmUp(run, {minRuns = 4, minMs = 3000, maxMs = 30000} = {}) {
  const times = [];
  const start = performance.now();
  for (;;) {
    const elapsed = performance.now() - start;
    if (times.length >= Math.max(2, minRuns) && elapsed >= minMs) {
      const fastestBefore = Math.min(...times.slice(0, -1));
      if (Math.abs(times[times.length - 1] - fastestBefore) <= 0.05 * fastestBefore) break;
    }
    if (elapsed >= maxMs) break;
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times;
}

/** The warm-up's times for a line of output: all of them, or the first 6 and the last 3. */
export function describeWarmUp(times) {
  const ms = times.map((t) => t.toFixed(0));
  const shown = ms.length <= 9 ? ms.join(', ') :
                                 `${ms.slice(0, 6).join(', ')}, ..., ${ms.slice(-3).join(', ')}`;
  const total = times.reduce((a, b) => a + b, 0) / 1000;
  return `${times.length} runs in ${total.toFixed(1)} s (ms): ${shown}`;
}
