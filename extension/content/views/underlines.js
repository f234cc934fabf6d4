// @ts-check
// One compose box's underlines: an element per hint (keyed), a fill and a line per text line.
// Testability contract: [data-rapport="underline"] with data-rule, data-rule-set, data-severity.

import { setStyle } from './dom.js';

/**
 * @typedef {import('./dom.js').Marked} Marked
 * @typedef {{hint: import('../hint-model.js').KeyedHint, lines: import('../geometry.js').Rect[]}} UnderlineItem
 */

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {HTMLElement} deps.layer  the overlay's underline layer
 */
export function createUnderlines({ h, layer }) {
  const group = h('div', { className: 'group-layer' });
  layer.append(group);
  /** @type {string | null} */
  let active = null;
  /** @type {Map<string, Marked>} hint key → its element */
  const byKey = new Map();
  return {
    /**
     * Draws `items` (their lines already clipped to the editor).
     * @param {UnderlineItem[]} items
     * @param {string | null} [activeKey]
     */
    render(items, activeKey = active) {
      active = activeKey;
      // One element per hint key, kept while the hint stays; an element whose lines did not
      // change is not touched, and one whose hint went away is reused for a new hint (typing
      // changes few hints, and this runs every keystroke). Paint order (a warning's line over a
      // note's) comes from the severity's z-index in the stylesheet, not the DOM order.
      const fresh = [];
      const seen = new Set();
      for (const item of items) {
        if (seen.has(item.hint.key)) continue;
        seen.add(item.hint.key);
        if (!byKey.has(item.hint.key)) fresh.push(item);
      }
      const spare = [];
      for (const [key, element] of byKey) {
        if (!seen.has(key)) {
          spare.push(element);
          byKey.delete(key);
        }
      }
      for (const { hint } of fresh) {
        let element = spare.pop();
        if (!element) {
          element = h('div', { dataset: { rapport: 'underline' }, 'aria-hidden': 'true' });
          group.append(element);
        }
        element.__rapportLines = null;
        Object.assign(element.dataset, { key: hint.key, rule: hint.rule, ruleSet: hint.rule_set, severity: hint.severity });
        byKey.set(hint.key, element);
      }
      for (const element of spare) element.remove();
      for (const item of items) {
        const { hint, lines } = item;
        const element = /** @type {Marked} */ (byKey.get(hint.key));
        const isActive = String(hint.key === active);
        if (element.__rapportActive !== isActive) {
          element.__rapportActive = isActive;
          element.dataset.active = isActive;
        }
        if (element.__rapportLines === lines) continue;
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
        // Children: a fill and a line per text line.
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
          // Notes (dotted) sit at the very bottom of the line box, the others just above them.
          const lift = hint.severity === 'info' ? 1.5 : 3.5;
          setStyle(line, `left:${x}px;top:${r.bottom - top - lift}px;width:${w}px`);
        });
      }
    },
    /** @param {string | null} key */
    setActive(key) {
      active = key;
      for (const child of group.children) {
        const element = /** @type {Marked} */ (child);
        const value = String(element.dataset.key === key);
        if (element.__rapportActive !== value) {
          element.__rapportActive = value;
          element.dataset.active = value;
        }
      }
    },
    clear() {
      byKey.clear();
      if (group.firstChild) group.replaceChildren();
    },
    remove() {
      group.remove();
    },
  };
}
