// @ts-check
// What every view of the overlay shares: the element helper (whose listeners hear the user only),
// style writes that skip unchanged values, and keeping the editor's focus when Rapport's UI is
// clicked.

/** i18n lookup: chrome.i18n.getMessage, cached (content/main.js). */
/** @typedef {(key: string, substitutions?: string[]) => string} Translate */

/**
 * @typedef {Record<string, any> & {dataset?: Record<string, string>, on?: Record<string, EventListener>, text?: string, className?: string}} Props
 * @typedef {Node | string | null | undefined | false | Array<any>} Child  (arrays nest)
 * @typedef {(tag: string, props?: Props, ...children: Child[]) => HTMLElement} H
 */

/**
 * A listener that hears only the user: events a page's script made (`isTrusted` false: a
 * synthetic click on "Turn this rule off", "Apply" or the chip) are ignored. Every action handler
 * of the overlay goes through it.
 * @template {Event} E
 * @param {(event: E) => void} listener
 * @returns {(event: E) => void}
 */
export const trusted = (listener) => (event) => {
  if (event.isTrusted) listener(event);
};

/**
 * Element helper: h('div', {className: 'x', dataset: {...}, on: {click}}, ...children). With
 * `userOnly` (the overlay, which lives in pages that run other scripts), listeners given in `on`
 * hear trusted events only (see `trusted`); the extension's own pages run no one else's script.
 * @param {Document} doc
 * @param {{userOnly?: boolean}} [options]
 * @returns {H}
 */
export function makeH(doc, { userOnly = false } = {}) {
  const wrap = userOnly ? trusted : (/** @type {EventListener} */ listener) => listener;
  return function h(tag, props = {}, ...children) {
    const element = doc.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') Object.assign(element.dataset, value);
      else if (key === 'on') for (const [type, listener] of Object.entries(value)) element.addEventListener(type, wrap(/** @type {EventListener} */ (listener)));
      else if (key === 'text') element.textContent = value;
      // A property that is not a string (checked, selected, hidden) is set as the property.
      else if (key in element && typeof value !== 'string') /** @type {any} */ (element)[key] = value;
      else element.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : value);
    }
    const flat = /** @type {Array<Node | string | null | undefined | false>} */ (children.flat(Infinity));
    element.append(.../** @type {Array<Node | string>} */ (flat.filter((child) => child !== null && child !== undefined && child !== false)));
    return element;
  };
}

/** What a view remembers on an element it writes (an unchanged write still invalidates style). */
/** @typedef {HTMLElement & {__rapportCss?: string, __rapportLines?: unknown, __rapportActive?: string}} Marked */

/**
 * Writes an inline style only when it changed.
 * @param {Element} element
 * @param {string} css
 */
export function setStyle(element, css) {
  const marked = /** @type {Marked} */ (element);
  if (marked.__rapportCss === css) return;
  marked.__rapportCss = css;
  marked.style.cssText = css;
}

/**
 * Keeps focus (and the caret) in the editor when Rapport's UI is clicked with the mouse.
 * @param {Event} event
 */
export const keepFocus = (event) => {
  if (/** @type {MouseEvent} */ (event).button === 0) event.preventDefault();
};

/** @typedef {{width: number, height: number}} Viewport */
