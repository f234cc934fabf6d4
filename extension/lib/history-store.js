// @ts-check
// The history's one home: storage.local (never sync: it stays on this device). Read, add with
// retention, clear. One write at a time from this context; the pure logic is lib/history.js.

import { dayOf, HISTORY_KEY, normalizeHistory, withEntry } from './history.js';

/**
 * @typedef {Pick<chrome.storage.StorageArea, 'get' | 'set' | 'remove'>} Area
 * @typedef {import('./history.js').Entry} Entry
 */

/**
 * @param {Area} area  storage.local
 * @param {() => Date} [now]
 */
export function createHistoryStore(area, now = () => new Date()) {
  let queue = Promise.resolve();
  /** @template T @param {() => Promise<T>} task @returns {Promise<T>} */
  const serial = (task) => {
    const result = queue.then(task);
    queue = result.then(() => {}, () => {});
    return result;
  };
  const read = async () => normalizeHistory((await area.get(HISTORY_KEY))[HISTORY_KEY]).history;
  return {
    /** The entries, oldest first. */
    entries: async () => (await read()).entries,
    /** Adds a posted draft's entry (retention applied). @param {Entry} entry */
    add: (entry) => serial(async () => {
      const stored = (await area.get(HISTORY_KEY))[HISTORY_KEY];
      await area.set({ [HISTORY_KEY]: withEntry(stored, entry, dayOf(now())) });
    }),
    /** Deletes everything. */
    clear: () => serial(() => area.remove(HISTORY_KEY)),
  };
}
