// Timing hooks for the e2e benchmark, created only when the page carries data-rapport-bench
// (the bench sets it; no site does). Sums the main-thread time the content script spends in its
// handlers and the most analyses ever waiting at once, and reports them on request with an event
// (no DOM write, which would itself cost the page a style recalculation).

export function createBench(doc) {
  const totals = { change: 0, frame: 0, report: 0, layout: 0, document: 0 };
  /** Parts of the above (not added to the total): where the time goes. */
  const parts = {};
  let calls = 0;
  let maxInFlight = 0;
  let sends = 0;
  doc.addEventListener('rapport-bench-read', () => {
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    doc.dispatchEvent(new CustomEvent('rapport-bench-result', { detail: JSON.stringify({ total, totals, parts, calls, sends, maxInFlight }) }));
  });
  return {
    time(name, fn) {
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        totals[name] += performance.now() - t0;
        calls += 1;
      }
    },
    part(name, fn) {
      const t0 = performance.now();
      try {
        return fn();
      } finally {
        parts[name] = (parts[name] ?? 0) + performance.now() - t0;
      }
    },
    /** A request is about to be sent: record how many were already waiting. */
    sent(client) {
      sends += 1;
      maxInFlight = Math.max(maxInFlight, client.inFlight + 1);
    },
  };
}
