// @ts-check
// The page's own controls near a compose box (Post, Reply, attach, GIF, emoji, location…), which
// the chip must never cover. Reads the page, writes nothing. The elements are looked up again at
// most every REFRESH_MS (or when told the page changed) and their rects read at every placement.

import { intersect, rect } from './geometry.js';

/** What counts as a control of the page (the compose box itself and its ancestors excepted). */
export const CONTROLS = [
  'button', 'a[href]', 'input:not([type="hidden"])', 'select', 'textarea', 'summary',
  '[role="button"]', '[role="link"]', '[role="checkbox"]', '[role="switch"]', '[role="tab"]', '[role="menuitem"]', '[role="combobox"]', '[role="option"]',
  '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]',
].join(', ');
/** How far from the box a control may be and still matter (px): the chip's candidates lie within. */
const NEAR_X = 240;
const NEAR_Y = 80;
/** Ancestors of the box searched (with the open shadow roots of custom elements inside them). */
const LEVELS = 6;
const MAX_CONTROLS = 64;
const REFRESH_MS = 1000;
const MIN_REFRESH_MS = 200;

/**
 * @param {HTMLElement} box  the compose box (its controls are not obstacles)
 * @param {() => void} onDue  asks for a placement: a change seen too soon after the last look-up is looked up a little later
 * @param {() => number} [now]
 */
export function createPageControls(box, onDue, now = Date.now) {
  /** @type {Element[]} */
  let controls = [];
  let collectedAt = -Infinity;
  let stale = true;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let dueTimer;

  /** @param {Node} node @returns {Element | null} */
  const up = (node) => node.parentElement ?? /** @type {ShadowRoot | null} */ (node.parentNode)?.host ?? null;

  /** @param {import('./geometry.js').Rect} zone */
  function collect(zone) {
    let scope = /** @type {Element} */ (box);
    for (let i = 0; i < LEVELS; i++) {
      const parent = up(scope);
      if (!parent || parent === box.ownerDocument.documentElement) break;
      scope = parent;
    }
    /** @type {Element[]} */
    const found = [];
    /** @param {Element | ShadowRoot} root */
    const search = (root) => {
      for (const element of root.querySelectorAll(CONTROLS)) {
        if (found.length >= MAX_CONTROLS) return;
        if (element === box || box.contains(element) || element.contains(box)) continue;
        if (intersect(element.getBoundingClientRect(), zone)) found.push(element);
      }
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.includes('-') && element.shadowRoot) search(element.shadowRoot);
      }
    };
    // Custom elements' open shadow roots are searched too (a composer whose buttons live there).
    search(scope);
    if (scope.shadowRoot) search(scope.shadowRoot);
    controls = found;
  }

  return {
    dispose() {
      clearTimeout(dueTimer);
    },
    /** The page changed around the box: look the controls up again at the next read. */
    stale() {
      stale = true;
    },
    /**
     * The rects of the controls near `boxRect` now (viewport coordinates).
     * @param {import('./geometry.js').Rect} boxRect
     * @returns {import('./geometry.js').Rect[]}
     */
    rects(boxRect) {
      const zone = rect(boxRect.left - NEAR_X, boxRect.top - NEAR_Y, boxRect.right + NEAR_X, boxRect.bottom + NEAR_Y);
      const t = now();
      if ((stale && t - collectedAt >= MIN_REFRESH_MS) || t - collectedAt >= REFRESH_MS) {
        stale = false;
        collectedAt = t;
        collect(zone);
      } else if (stale && dueTimer === undefined) {
        dueTimer = setTimeout(() => {
          dueTimer = undefined;
          onDue();
        }, MIN_REFRESH_MS - (t - collectedAt));
      }
      /** @type {import('./geometry.js').Rect[]} */
      const rects = [];
      for (const element of controls) {
        if (!element.isConnected) continue;
        const r = element.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) rects.push(rect(r.left, r.top, r.right, r.bottom));
      }
      return rects;
    },
  };
}
