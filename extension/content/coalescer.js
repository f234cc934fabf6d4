// @ts-check
// Per compose box: turns a stream of "something changed" pokes into analysis requests.
// - at most one request per scheduled frame;
// - never more than one in flight; pokes during a flight are folded into one follow-up that
//   reads the latest text when it runs;
// - an unchanged text (and options) is not sent again.
// Pure: the frame scheduler, the reader and the sender are injected.

/**
 * @template {{text: string, options?: Record<string, unknown>}} S  what is analysed
 * @template R  the report
 * @param {object} deps
 * @param {() => S | null} deps.read  current text, or null to skip (the next text read is then sent even if unchanged)
 * @param {(snapshot: S) => Promise<R>} deps.send                  resolves with the report
 * @param {(report: R, snapshot: S) => void} deps.onReport
 * @param {(error: Error, snapshot: S) => void} deps.onError
 * @param {(callback: () => void) => void} deps.schedule              e.g. requestAnimationFrame
 */
export function createCoalescer({ read, send, onReport, onError, schedule }) {
  let scheduled = false;
  let inFlight = false;
  let dirty = false;
  let disposed = false;
  /** @type {unknown[] | null} */
  let lastKey = null;

  const plan = () => {
    if (scheduled || inFlight || disposed) return;
    scheduled = true;
    schedule(flush);
  };

  function flush() {
    scheduled = false;
    if (!dirty || disposed) return;
    dirty = false;
    const snapshot = read();
    if (snapshot === null) {
      lastKey = null; // skipped: whatever is read next is sent, even the text sent last
      return;
    }
    // Compared field by field: serialising a long text on every keystroke costs more.
    const key = [snapshot.text, ...Object.entries(snapshot.options ?? {}).flat()];
    const last = lastKey;
    if (last !== null && key.length === last.length && key.every((value, index) => value === last[index])) return;
    lastKey = key;
    inFlight = true;
    send(snapshot).then(
      (report) => {
        if (!disposed) onReport(report, snapshot);
      },
      (error) => {
        lastKey = null; // let the same text be tried again on the next change
        if (!disposed) onError(error, snapshot);
      },
    ).finally(() => {
      inFlight = false;
      if (dirty) plan();
    });
  }

  return {
    /** Something may have changed: analyse the latest text soon. */
    poke() {
      dirty = true;
      plan();
    },
    /** Analyse again even if the text is unchanged (the settings changed). */
    refresh() {
      lastKey = null;
      dirty = true;
      plan();
    },
    /** True while a request is waiting for its reply. */
    get inFlight() {
      return inFlight;
    },
    dispose() {
      disposed = true;
    },
  };
}
