// @ts-check
// Reads and writes the settings in a storage area (storage.sync), one write at a time:
// - load(): every item, joined (settings-storage.js) and read tolerantly (settings.js);
// - update(change, check): read-modify-write of the latest stored settings, so a change made
//   meanwhile elsewhere (the popup, another device) survives. `change` is pure and synchronous;
//   `check` (optional, async: the engine's verdict) sees the result first and may throw to
//   refuse. The settings are read again after the checks, right before the write, and the
//   changes applied to what is stored then;
// - changes that arrive while a write is waiting are folded into it: quick clicks make one write,
//   at most one every `minIntervalMs`, and never more than storage.sync's writes a minute or an
//   hour (a write that must wait, waits);
// - sizes are checked before writing (planWrite); a write that fails rejects the promises of
//   the changes in it, with a message for the user, and the next write goes ahead.
// Pure: the area, the clock and the timers are injected.

import { normalizeSettings, SETTINGS_VERSION } from './settings.js';
import { describeStorageError, joinItems, planWrite, SettingsWriteError, SYNC_LIMITS } from './settings-storage.js';

/**
 * What the store needs of a storage area (chrome.storage.sync / browser.storage.sync).
 * @typedef {{get: (keys: null) => Promise<Record<string, unknown>>, set: (items: Record<string, unknown>) => Promise<void>,
 *            remove: (keys: string[]) => Promise<void>}} AreaLike
 * @typedef {import('./settings.js').Settings} Settings
 * @typedef {(settings: Settings) => Settings} Change
 * @typedef {(settings: Settings) => Promise<void>} Check
 * @typedef {{settings: Settings, problems: import('./settings.js').Ignored[], version: number, items: Record<string, unknown>}} Loaded
 */

/**
 * Reads the settings from every item of `area`.
 * @param {AreaLike} area
 * @returns {Promise<Loaded>}
 */
export async function loadSettingsFrom(area) {
  const items = (await area.get(null)) ?? {};
  const joined = joinItems(items);
  const { settings, problems, version } = normalizeSettings(joined.stored);
  return { settings, problems: [...joined.problems, ...problems], version, items };
}

/**
 * @param {object} deps
 * @param {AreaLike} deps.area
 * @param {import('./settings-storage.js').SyncLimits} [deps.limits]
 * @param {number} [deps.minIntervalMs]  at least this long between two writes of this store
 * @param {() => number} [deps.now]
 * @param {(callback: () => void, ms: number) => any} [deps.setTimer]
 */
export function createSettingsStore({ area, limits = SYNC_LIMITS, minIntervalMs = 500, now = Date.now, setTimer = globalThis.setTimeout }) {
  /** @typedef {{change: Change, check?: Check, resolve: (settings: Settings) => void, reject: (error: Error) => void}} Entry */
  /** @type {Entry[] | null} changes waiting for the next write */
  let batch = null;
  let queue = Promise.resolve();
  /** @type {number[]} when each write operation (set or remove) started, the last hour's */
  const operations = [];
  let lastWrite = -Infinity;

  /** The earliest moment the next write may start. */
  function nextAllowed() {
    const t = now();
    while (operations.length > 0 && operations[0] <= t - 3_600_000) operations.shift();
    let at = lastWrite + minIntervalMs;
    const lastMinute = operations.filter((time) => time > t - 60_000);
    // A write takes up to two operations (set, remove): leave room for both.
    if (lastMinute.length + 2 > limits.MAX_WRITE_OPERATIONS_PER_MINUTE) at = Math.max(at, lastMinute[lastMinute.length + 2 - limits.MAX_WRITE_OPERATIONS_PER_MINUTE - 1] + 60_000);
    if (operations.length + 2 > limits.MAX_WRITE_OPERATIONS_PER_HOUR) at = Math.max(at, operations[operations.length + 2 - limits.MAX_WRITE_OPERATIONS_PER_HOUR - 1] + 3_600_000);
    return at;
  }

  /** @param {unknown} error @returns {never} */
  const storageFailure = (error) => {
    throw new SettingsWriteError(describeStorageError(error));
  };

  /** @param {Entry[]} entries @param {Settings} settings */
  const apply = (entries, settings) => entries.reduce((next, entry) => entry.change(next), settings);

  /** @param {Entry[]} entries */
  async function write(entries) {
    lastWrite = now();
    try {
      // The checks (they may take a while: a message to the engine) see the result first; a
      // change whose check throws is refused with its error, as it is, and the others go on.
      if (entries.some((entry) => entry.check)) {
        const candidate = apply(entries, (await loadSettingsFrom(area).catch(storageFailure)).settings);
        const verdicts = await Promise.all(entries.map((entry) => entry.check?.(candidate).then(() => null, (error) => error) ?? null));
        entries = entries.filter((entry, index) => {
          if (verdicts[index] === null) return true;
          entry.reject(verdicts[index] instanceof Error ? verdicts[index] : new Error(String(verdicts[index])));
          return false;
        });
        if (entries.length === 0) return;
      }
      // Read again right before writing: a change made meanwhile elsewhere is kept.
      const { settings, items } = await loadSettingsFrom(area).catch(storageFailure);
      let next = apply(entries, settings);
      next = { ...next, version: Math.max(next.version ?? SETTINGS_VERSION, SETTINGS_VERSION) };
      const plan = planWrite(items, next, limits);
      if (Object.keys(plan.set).length > 0) {
        operations.push(now());
        await area.set(plan.set).catch(storageFailure);
      }
      if (plan.remove.length > 0) {
        operations.push(now());
        // The new settings are in; an old custom-rule item that lingers is not read.
        await area.remove(plan.remove).catch(() => {});
      }
      for (const entry of entries) entry.resolve(next);
    } catch (error) {
      const failure = error instanceof Error ? error : new SettingsWriteError(String(error));
      for (const entry of entries) entry.reject(failure);
    }
  }

  function schedule() {
    const delay = Math.max(0, nextAllowed() - now());
    setTimer(() => {
      const entries = /** @type {Entry[]} */ (batch);
      batch = null;
      // The queue never rejects: one failed write does not stop the next.
      queue = queue.then(() => write(entries));
    }, delay);
  }

  return {
    /** The stored settings, read tolerantly, with what is not used and the items as stored. */
    load: () => loadSettingsFrom(area),

    /**
     * Applies `change` to the latest stored settings and writes the result; resolves with the
     * settings written, or rejects with an Error whose message says why nothing was written.
     * @param {Change} change
     * @param {Check} [check]  refuses the change by throwing (its error reaches the caller)
     * @returns {Promise<Settings>}
     */
    update(change, check) {
      return new Promise((resolve, reject) => {
        if (batch === null) {
          batch = [];
          schedule();
        }
        batch.push({ change, check, resolve, reject });
      });
    },

    /** Resolves once every write asked for so far is done (whatever its outcome). */
    async settled() {
      while (batch !== null) await new Promise((resolve) => setTimer(() => resolve(undefined), 10));
      await queue;
    },
  };
}
