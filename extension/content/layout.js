// @ts-check
// Underline layout: where each hint's underlines go, from its spans in the current text, the
// editor's visible box and a rect provider (which knows the text map: a Range over the walked
// DOM, or the textarea's mirror). Pure: all reading of the page is behind the provider.
//
// A hint may carry several spans (a finding: its primary words and the related ones); each is
// underlined, and the hint's lines are those of all its spans, the primary span's first.
//
// Measuring text is the costly part of a keystroke, so lines are reused while they cannot have
// moved: when the editor's width and scroll are as they were and a span ends before the line
// break that precedes the first change (text before a line break is laid out independently of
// what follows it). A box that only moved (the page or a dialog scrolled) moves them along.

import { clipRects, fromDOMRect, lineRects, rect } from './geometry.js';

/**
 * @typedef {import('../lib/report.js').Span} Span
 * @typedef {import('./geometry.js').Rect} Rect
 * @typedef {(spans: Span[]) => Rect[][]} RectProvider
 *   the client rects (viewport coordinates) of each span of the current text, in order
 * @typedef {object} Frame  what the text's position depends on, read from the page this frame
 * @property {string} text  the text now in the editor
 * @property {Rect} clip  the editor's visible box (its padding box, clipped by its scrolling ancestors)
 * @property {{left: number, top: number}} origin  the editor's top-left corner
 * @property {string} key  the editor's width, borders and scroll: text moves inside it when one changes
 * @property {boolean} ltr  left-to-right text (reuse is only safe there)
 * @property {number} dirtyFrom  the earliest offset the editor changed at since the last layout
 * @typedef {{lines: Rect[], clipped: Rect[]}} SpanLines  a span's line boxes, and clipped to the editor
 * @typedef {object} LayoutCache  the last layout, reused by the next
 * @property {string} text
 * @property {string} key
 * @property {Rect} clip
 * @property {number} left
 * @property {number} top
 * @property {Map<string, SpanLines>} spans  by "start-end"
 */

/**
 * A finding as laid out: `span` its first span in view (the primary one when it is), `lines` the
 * clipped lines of all its spans (for hit testing), `parts` each span in view with its own lines
 * (one underline each; an unchanged span keeps its array, so a view can skip it by identity).
 * @template H
 * @typedef {{hint: H, span: Span, lines: Rect[], parts: Array<{span: Span, lines: Rect[]}>}} LaidOut
 */

/**
 * Common prefix length of two strings.
 * @param {string} a @param {string} b
 */
export function commonPrefix(a, b) {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** @param {Rect | null} a @param {Rect | null} b */
const sameRect = (a, b) => a === b || (a !== null && b !== null && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);

/**
 * Spans ending at or before this offset have not moved since `previous` was laid out: Infinity
 * when nothing changed, -1 when nothing can be reused.
 * @param {Frame} frame @param {LayoutCache | null} previous
 */
export function stableBefore(frame, previous) {
  if (!previous || !frame.ltr || previous.key !== frame.key) return -1;
  if (frame.dirtyFrom === Infinity && previous.text === frame.text) return Infinity; // a scroll, a frame
  const changed = Math.min(frame.dirtyFrom, commonPrefix(previous.text, frame.text));
  return changed === 0 ? -1 : frame.text.lastIndexOf('\n', changed - 1);
}

/**
 * @template H
 * @param {Array<{hint: H, spans: Span[]}>} placed  each hint's non-empty spans in the current text, primary first
 * @param {Frame} frame
 * @param {LayoutCache | null} previous  the last layout's cache (null: measure everything)
 * @param {RectProvider} rectsOf  asked once, for the spans the cache cannot answer
 * @returns {{items: Array<LaidOut<H>>, cache: LayoutCache}}
 *   items: the hints with at least one line in view
 */
export function layoutUnderlines(placed, frame, previous, rectsOf) {
  const dx = previous ? frame.origin.left - previous.left : 0;
  const dy = previous ? frame.origin.top - previous.top : 0;
  const moved = dx !== 0 || dy !== 0;
  const stable = stableBefore(frame, previous);
  const sameClip = previous !== null && !moved && sameRect(previous.clip, frame.clip);
  /** @type {Map<string, SpanLines>} */
  const spans = new Map();
  /** @type {Span[]} */
  const missing = [];
  for (const { spans: hintSpans } of placed) {
    for (const span of hintSpans) {
      const id = `${span.start}-${span.end}`;
      if (spans.has(id)) continue;
      const cached = previous && span.end <= stable ? previous.spans.get(id) : undefined;
      if (!cached) {
        missing.push(span);
        spans.set(id, { lines: [], clipped: [] }); // filled in below
      } else if (sameClip) {
        spans.set(id, cached);
      } else {
        const lines = moved ? cached.lines.map((r) => rect(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy)) : cached.lines;
        spans.set(id, { lines, clipped: clipRects(lines, frame.clip) });
      }
    }
  }
  if (missing.length > 0) {
    const measured = rectsOf(missing);
    missing.forEach((span, i) => {
      const lines = lineRects(measured[i].map(fromDOMRect));
      spans.set(`${span.start}-${span.end}`, { lines, clipped: clipRects(lines, frame.clip) });
    });
  }
  /** @type {Array<LaidOut<H>>} */
  const items = [];
  for (const { hint, spans: hintSpans } of placed) {
    const parts = hintSpans
      .map((span) => ({ span, lines: /** @type {SpanLines} */ (spans.get(`${span.start}-${span.end}`)).clipped }))
      .filter((part) => part.lines.length > 0);
    if (parts.length === 0) continue;
    // One span: its own array, so a view can tell unchanged lines by identity.
    const lines = parts.length === 1 ? parts[0].lines : parts.flatMap((part) => part.lines);
    items.push({ hint, span: parts[0].span, lines, parts });
  }
  return { items, cache: { text: frame.text, key: frame.key, clip: frame.clip, spans, left: frame.origin.left, top: frame.origin.top } };
}
