// @ts-check
// The one wrapper the benchmark hooks go through: each returns the function it is given, so in
// the content script that ships every wrapped call is the plain call and nothing is timed. The
// e2e bench's build (dist/chrome-bench/, never packaged) has tools/build-extension.mjs put
// bench.js in this module's place; the packaged content script holds no benchmark code at all
// (tests/js/bench-free.test.js checks), so nothing a page does can switch the hooks on.

/**
 * @typedef {'change' | 'frame' | 'reply' | 'report' | 'layout' | 'document'} Handler
 *   the content script's entry points; their times add up to its main-thread total
 * @typedef {object} Probe
 * @property {<F extends (...args: any[]) => any>(name: Handler, fn: F) => F} time  `fn`, timed as a handler
 * @property {<F extends (...args: any[]) => any>(name: string, fn: F) => F} part
 *   `fn`, timed as a part of a handler (where the time goes; not added to the total)
 * @property {<F extends (...args: any[]) => any>(client: {inFlight: number}, fn: F) => F} send
 *   `fn` sends an analysis: counts it and how many were already waiting
 */

/** @type {Probe} */
export const probe = { time: (_name, fn) => fn, part: (_name, fn) => fn, send: (_client, fn) => fn };
