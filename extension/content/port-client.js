// @ts-check
// Request/reply over a runtime port to the background, surviving the background being stopped.
// - the port is opened lazily, on the first request after it is gone;
// - when it disconnects (service worker stopped), every request still in flight is sent again
//   on a new port: none is lost;
// - a request without a reply after `timeoutMs` is sent again after a backoff, up to
//   `maxAttempts` sends; then it fails with an error saying so;
// - if opening a port throws (the extension was reloaded or removed: this content script is
//   orphaned), every request fails and the client stays closed;
// - notices the background pushes (settings applied) go to `onNotice`.
// Pure: `connect` and the timers are injected.

import { analyzeRequest, isNotice, parseReply } from '../lib/protocol.js';
import { probe } from './probe.js';

/**
 * What the client needs of a runtime.Port.
 * @typedef {{postMessage: (message: unknown) => void, disconnect: () => void,
 *            onMessage: {addListener: (listener: (message: unknown) => void) => void},
 *            onDisconnect: {addListener: (listener: () => void) => void}}} PortLike
 */

/**
 * @param {object} deps
 * @param {() => PortLike} deps.connect  opens a port to the background (throws when orphaned)
 * @param {(notice: import('../lib/protocol.js').Notice) => void} [deps.onNotice]
 * @param {number} [deps.timeoutMs]
 * @param {number} [deps.maxAttempts]
 * @param {(attempt: number) => number} [deps.backoffMs]
 * @param {(callback: () => void, ms: number) => any} [deps.setTimer]
 * @param {(timer: any) => void} [deps.clearTimer]
 */
export function createPortClient({
  connect,
  onNotice = (_notice) => {},
  timeoutMs = 4000,
  maxAttempts = 4,
  backoffMs = (attempt) => 100 * 2 ** (attempt - 1),
  setTimer = globalThis.setTimeout,
  clearTimer = globalThis.clearTimeout,
}) {
  /** @type {PortLike | null} */
  let port = null;
  let nextId = 1;
  /** @type {Error | null} */
  let closedError = null;
  /**
   * @typedef {{message: import('../lib/protocol.js').AnalyzeRequest, resolve: (report: import('../lib/report.js').Report) => void,
   *            reject: (error: Error) => void, attempts: number, timer: any}} Entry
   */
  /** @type {Map<number, Entry>} id → what waits for its reply */
  const pending = new Map();

  /** @param {Entry} entry */
  function settle(entry) {
    clearTimer(entry.timer);
    pending.delete(entry.message.id);
  }

  /** @param {Error} error */
  function close(error) {
    closedError = error;
    port = null;
    for (const entry of [...pending.values()]) {
      settle(entry);
      entry.reject(error);
    }
  }

  function open() {
    if (port) return port;
    let fresh;
    try {
      fresh = connect();
    } catch (error) {
      close(new Error(`Rapport cannot reach its background (${/** @type {Error} */ (error).message}); reload the page`));
      return null;
    }
    fresh.onMessage.addListener(onReply);
    fresh.onDisconnect.addListener(() => onDisconnect(fresh));
    port = fresh;
    return port;
  }

  /** A message from the background: a notice, or a reply whose report is parsed here, once. */
  /** @param {unknown} message */
  function onMessage(message) {
    if (isNotice(message)) {
      onNotice(message);
      return;
    }
    let reply;
    try {
      reply = parseReply(message);
    } catch {
      return; // not ours or malformed; the request will time out and retry
    }
    const entry = pending.get(reply.id);
    if (!entry) return; // a duplicate answer to a resent request
    settle(entry);
    if (reply.ok) entry.resolve(reply.report);
    else entry.reject(Object.assign(new Error(reply.error), { stopped: reply.stopped === true }));
  }

  const onReply = probe.time('reply', onMessage);

  /** @param {PortLike} gone */
  function onDisconnect(gone) {
    if (port !== gone) return;
    port = null;
    for (const entry of [...pending.values()]) transmit(entry);
  }

  /** @param {Entry} entry */
  function transmit(entry) {
    if (closedError) return;
    clearTimer(entry.timer);
    entry.attempts += 1;
    const target = open();
    if (!target) return;
    try {
      target.postMessage(entry.message);
    } catch {
      // The port died before its onDisconnect reached us: drop it and resend right away.
      if (port === target) port = null;
      entry.timer = setTimer(() => retry(entry), 0);
      return;
    }
    entry.timer = setTimer(() => retry(entry), timeoutMs);
  }

  /** @param {Entry} entry */
  function retry(entry) {
    if (entry.attempts >= maxAttempts) {
      settle(entry);
      entry.reject(new Error(`Rapport background did not answer after ${entry.attempts} attempts`));
      return;
    }
    entry.timer = setTimer(() => transmit(entry), backoffMs(entry.attempts));
  }

  return {
    /**
     * Resolves with the Report for `text`, or rejects with an Error.
     * @param {string} text @param {import('../lib/protocol.js').AnalyzeOptions} options
     * @returns {Promise<import('../lib/report.js').Report>}
     */
    analyze(text, options) {
      if (closedError) return Promise.reject(closedError);
      return new Promise((resolve, reject) => {
        const message = analyzeRequest(nextId++, text, options);
        const entry = { message, resolve, reject, attempts: 0, timer: undefined };
        pending.set(message.id, entry);
        transmit(entry);
      });
    },
    /** Number of requests awaiting a reply (for tests and diagnostics). */
    get inFlight() {
      return pending.size;
    },
    /** True once the background is unreachable for good (extension reloaded or removed). */
    get closed() {
      return closedError !== null;
    },
  };
}
