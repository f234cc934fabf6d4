// @ts-check
// What the popup and the options page share: the browser API, i18n (labels and data-i18n
// elements), elements by id, and read-modify-write of the stored settings, one at a time.

import { normalizeSettings, SETTINGS_KEY } from '../lib/settings.js';

/** Firefox's `browser`, else Chrome's `chrome` (the same shape where Rapport uses it). */
export const api = globalThis.browser ?? chrome;

/** @type {import('../content/views/dom.js').Translate} */
export const t = (key, substitutions) => api.i18n.getMessage(key, substitutions);

/**
 * An element of this page by id (they are in the page's HTML, so present): typed as an input,
 * the widest of the pages' element kinds the scripts read.
 * @param {string} id
 */
export const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

/** Fills every [data-i18n] element with its message. */
export function localize() {
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) element.textContent = t(String(element.dataset.i18n));
}

/** The stored settings, normalised. */
export const loadSettings = async () => normalizeSettings((await api.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).settings;

/** @typedef {import('../lib/settings.js').Settings} Settings */

let queue = Promise.resolve();
/**
 * Read-modify-write of the stored settings, one at a time (two quick clicks do not undo each other).
 * @param {(settings: Settings) => Settings} change
 */
export const updateSettings = (change) => {
  queue = queue.then(async () => api.storage.sync.set({ [SETTINGS_KEY]: change(await loadSettings()) }));
  return queue;
};
