// @ts-check
// Timing hooks for the e2e benchmark: the probe of dist/chrome-bench/, whose build puts this
// module in probe.js's place (the packaged content script has none of this code). Sums the main-thread time the content script
// spends in its handlers and the most analyses ever waiting at once, and reports them on request
// with an event (no DOM write, which would itself cost the page a style recalculation).

/**
 * @typedef {import('./probe.js').Probe} Probe
 * @typedef {import('./probe.js').Handler} Handler
 * @typedef {<F extends (...args: any[]) => any>(name: string, fn: F) => F} Wrap
 */

/** @param {Document} doc @returns {Probe} */
export function createBench(doc) {
  /** @type {Record<Handler, number>} */
  const totals = { change: 0, frame: 0, reply: 0, report: 0, layout: 0, document: 0 };
  /** @type {Record<string, number>} */
  const parts = {};
  let calls = 0;
  let maxInFlight = 0;
  let sends = 0;
  doc.addEventListener('rapport-bench-read', () => {
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    doc.dispatchEvent(new CustomEvent('rapport-bench-result', { detail: JSON.stringify({ total, totals, parts, calls, sends, maxInFlight }) }));
  });
  /** @param {(elapsed: number) => void} add @returns {Wrap} */
  const timer = (add) => (_name, fn) => /** @type {any} */ (function timed(/** @type {any[]} */ ...args) {
    const t0 = performance.now();
    try {
      return fn(...args);
    } finally {
      add(performance.now() - t0);
    }
  });
  return {
    time: (name, fn) => timer((elapsed) => {
      totals[name] += elapsed;
      calls += 1;
    })(name, fn),
    part: (name, fn) => timer((elapsed) => {
      parts[name] = (parts[name] ?? 0) + elapsed;
    })(name, fn),
    send: (client, fn) => /** @type {any} */ (function sending(/** @type {any[]} */ ...args) {
      sends += 1;
      maxInFlight = Math.max(maxInFlight, client.inFlight + 1);
      return fn(...args);
    }),
  };
}

/** The bench build's probe (in probe.js's place). */
export const probe = createBench(document);
