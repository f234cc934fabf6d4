// @ts-check
// One compose box's underlines: an element per span of each finding (the primary span and the
// related ones, all carrying the finding's key, so hovering any of them opens its one card and
// the card highlights them all), a fill and a line per text line; and the highlight of a score
// line's words. Testability contract: [data-rapport="underline"] with data-key (the finding's),
// data-span ("start-end" in the current text), data-primary, data-rule, data-rule-set,
// data-severity, data-active; [data-rapport="highlight"] for a score line's words.

import { setStyle } from './dom.js';

/**
 * @typedef {import('./dom.js').Marked} Marked
 * @typedef {import('../geometry.js').Rect} Rect
 * @typedef {{hint: import('../hint-model.js').KeyedHint, parts: Array<{span: import('../../lib/report.js').Span, lines: Rect[]}>}} UnderlineItem
 */

/**
 * Places `element` over `lines` with a fill and a line child per text line (skipped when the
 * lines are the array it last drew).
 * @param {import('./dom.js').H} h @param {Marked} element @param {Rect[]} lines @param {number} lift  px of the line above the line box's bottom
 */
function drawLines(h, element, lines, lift) {
  if (element.__rapportLines === lines) return;
  element.__rapportLines = lines;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of lines) {
    if (r.left < left) left = r.left;
    if (r.top < top) top = r.top;
    if (r.right > right) right = r.right;
    if (r.bottom > bottom) bottom = r.bottom;
  }
  setStyle(element, `left:${left}px;top:${top}px;width:${right - left}px;height:${bottom - top}px`);
  while (element.childElementCount > lines.length * 2) element.lastElementChild?.remove();
  lines.forEach((r, i) => {
    let fill = element.children[i * 2];
    let line = element.children[i * 2 + 1];
    if (!fill) {
      fill = h('span', { className: 'fill' });
      line = h('span', { className: 'line' });
      element.append(fill, line);
    }
    const x = r.left - left;
    const w = r.right - r.left;
    setStyle(fill, `left:${x}px;top:${r.top - top}px;width:${w}px;height:${r.bottom - r.top}px`);
    setStyle(line, `left:${x}px;top:${r.bottom - top - lift}px;width:${w}px`);
  });
}

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {HTMLElement} deps.layer  the overlay's underline layer
 */
export function createUnderlines({ h, layer }) {
  const group = h('div', { className: 'group-layer' });
  const highlights = h('div', { className: 'group-layer' });
  layer.append(group, highlights);
  /** @type {string | null} */
  let active = null;
  /** @type {Map<string, Marked>} "finding key#start-end" → its element */
  const byId = new Map();

  /** @param {Marked} element @param {string | null} key */
  const markActive = (element, key) => {
    const value = String(element.dataset.key === key);
    if (element.__rapportActive !== value) {
      element.__rapportActive = value;
      element.dataset.active = value;
    }
  };

  return {
    /**
     * Draws `items` (their lines already clipped to the editor).
     * @param {UnderlineItem[]} items
     * @param {string | null} [activeKey]
     */
    render(items, activeKey = active) {
      active = activeKey;
      // One element per span of a finding, kept while it stays; an element whose lines did not
      // change is not touched, and one whose span went away is reused for a new one (typing
      // changes few spans, and this runs every keystroke). Paint order (a warning's line over a
      // note's) comes from the severity's z-index in the stylesheet, not the DOM order.
      /** @type {Array<{id: string, item: UnderlineItem, part: UnderlineItem['parts'][number]}>} */
      const wanted = [];
      const seen = new Set();
      for (const item of items) {
        for (const part of item.parts) {
          const id = `${item.hint.key}#${part.span.start}-${part.span.end}`;
          if (seen.has(id)) continue;
          seen.add(id);
          wanted.push({ id, item, part });
        }
      }
      const spare = [];
      for (const [id, element] of byId) {
        if (!seen.has(id)) {
          spare.push(element);
          byId.delete(id);
        }
      }
      for (const { id, item, part } of wanted) {
        let element = byId.get(id);
        if (!element) {
          element = spare.pop() ?? /** @type {Marked} */ (group.appendChild(h('div', { dataset: { rapport: 'underline' }, 'aria-hidden': 'true' })));
          element.__rapportLines = null;
          const { hint } = item;
          Object.assign(element.dataset, {
            key: hint.key,
            span: `${part.span.start}-${part.span.end}`,
            primary: String(part.span.start === hint.span.start && part.span.end === hint.span.end),
            rule: hint.rule,
            ruleSet: hint.rule_set,
            severity: hint.severity,
          });
          byId.set(id, element);
        }
        markActive(element, active);
        // Notes (dotted) sit at the very bottom of the line box, the others just above them.
        drawLines(h, element, part.lines, item.hint.severity === 'info' ? 1.5 : 3.5);
      }
      for (const element of spare) element.remove();
    },
    /**
     * Highlights the words of a score line (their clipped lines, one array per span), or none.
     * @param {Rect[][]} spans
     */
    highlight(spans) {
      while (highlights.childElementCount > spans.length) highlights.lastElementChild?.remove();
      spans.forEach((lines, i) => {
        const element = /** @type {Marked} */ (highlights.children[i] ?? highlights.appendChild(h('div', { dataset: { rapport: 'highlight' }, 'aria-hidden': 'true' })));
        drawLines(h, element, lines, 0);
      });
    },
    /** @param {string | null} key */
    setActive(key) {
      active = key;
      for (const child of group.children) markActive(/** @type {Marked} */ (child), key);
    },
    clear() {
      byId.clear();
      if (group.firstChild) group.replaceChildren();
      if (highlights.firstChild) highlights.replaceChildren();
    },
    remove() {
      group.remove();
      highlights.remove();
    },
  };
}
