// @ts-check
// What the popup and the options page share: the browser API, i18n (labels and data-i18n
// elements), elements by id, the settings store (read-modify-write, one write at a time, sizes
// checked: lib/settings-store.js), and a write's failure shown beside the control that asked
// for it, which goes back to what is stored.

import { createSettingsStore } from '../lib/settings-store.js';

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

/** @typedef {import('../lib/settings.js').Settings} Settings */

/** This page's settings store. Quick toggles share one write (storage.sync allows 120 a minute). */
export const store = createSettingsStore({ area: api.storage.sync });

/** The stored settings, read tolerantly. */
export const loadSettings = async () => (await store.load()).settings;

/**
 * Where a control's write error is shown: a `.control-error` right after the control's row
 * (its label, or the element given), created on first use.
 * @param {HTMLElement} control
 * @param {HTMLElement} [beside]
 */
function errorSlot(control, beside = /** @type {HTMLElement} */ (control.closest('label, .rule, h3') ?? control)) {
  const next = beside.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('control-error')) return next;
  const slot = document.createElement('p');
  slot.className = 'control-error';
  slot.setAttribute('role', 'alert');
  slot.hidden = true;
  beside.after(slot);
  return slot;
}

/**
 * Writes a change asked for by `control`. On failure the error shows beside the control and
 * `revert` puts the page back to what is stored; on success a previous error there goes away.
 * Resolves with whether the change was written.
 * @param {HTMLElement} control
 * @param {(settings: Settings) => Settings} change
 * @param {(stored: Settings) => void} revert  shows the stored settings again
 * @param {HTMLElement} [beside]  where the error goes (default: after the control's label)
 */
export async function writeFrom(control, change, revert, beside) {
  const slot = errorSlot(control, beside);
  try {
    await store.update(change);
    slot.hidden = true;
    slot.textContent = '';
    control.removeAttribute('aria-invalid');
    return true;
  } catch (error) {
    slot.textContent = t('settingNotSaved', [/** @type {Error} */ (error).message]);
    slot.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    revert(await loadSettings().catch(() => /** @type {Settings} */ (/** @type {unknown} */ (null))));
    return false;
  }
}

/**
 * A checkbox bound to a setting: shows `read(settings)`; a change writes `write(settings, on)`.
 * @param {HTMLInputElement} input
 * @param {(settings: Settings) => boolean} read
 * @param {(settings: Settings, on: boolean) => Settings} write
 * @param {() => void} [after]  runs once the change is written
 */
export function bindCheckbox(input, read, write, after) {
  input.addEventListener('change', async () => {
    const on = input.checked;
    const written = await writeFrom(input, (settings) => write(settings, on), (stored) => {
      if (stored) input.checked = read(stored);
      input.dispatchEvent(new Event('reverted'));
    });
    if (written) after?.();
  });
}

/**
 * Calls `show` with the settings whenever they change in storage (a rule turned off from a
 * card, the popup, another device).
 * @param {(settings: Settings) => void} show
 */
export function onSettingsChanged(show) {
  api.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'sync') return;
    show(await loadSettings());
  });
}
