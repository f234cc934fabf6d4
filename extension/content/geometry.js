// @ts-check
// Rectangle arithmetic for the overlay: underline boxes from a range's client rects, clipping to
// the editor's visible box, hit testing, and placing the chip, panel and card. Pure; rects are
// plain {left, top, right, bottom} in viewport coordinates.

/** @typedef {{left: number, top: number, right: number, bottom: number}} Rect */

/** @param {number} left @param {number} top @param {number} right @param {number} bottom @returns {Rect} */
export const rect = (left, top, right, bottom) => ({ left, top, right, bottom });
/** @param {Rect} r  a DOMRect or a plain rect */
export const fromDOMRect = (r) => rect(r.left, r.top, r.right, r.bottom);

/** @param {Rect} a @param {Rect} b @returns {Rect | null} */
export function intersect(a, b) {
  const r = rect(Math.max(a.left, b.left), Math.max(a.top, b.top), Math.min(a.right, b.right), Math.min(a.bottom, b.bottom));
  return r.right > r.left && r.bottom > r.top ? r : null;
}

/**
 * One rect per line: a Range reports a rect per text node (and sometimes per inline element) on
 * each line; rects that overlap vertically by more than half the smaller height are one line.
 * Zero-width rects (line ends) are dropped.
 * @param {Rect[]} rects
 * @returns {Rect[]}
 */
export function lineRects(rects) {
  /** @type {Rect[]} */
  const lines = [];
  for (const r of rects) {
    if (r.right - r.left < 0.5 || r.bottom - r.top < 0.5) continue;
    const line = lines.find((l) => {
      const overlap = Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top);
      return overlap > Math.min(l.bottom - l.top, r.bottom - r.top) / 2;
    });
    if (line) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else {
      lines.push({ ...r });
    }
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Clips each rect to `clip` (the editor's visible box); drops what falls outside.
 * @param {Rect[]} rects @param {Rect} clip @returns {Rect[]}
 */
export function clipRects(rects, clip) {
  return /** @type {Rect[]} */ (rects.map((r) => intersect(r, clip)).filter(Boolean));
}

/** @param {Rect[]} rects @returns {Rect | null} */
export function boundingRect(rects) {
  if (rects.length === 0) return null;
  return rects.reduce((a, b) => rect(Math.min(a.left, b.left), Math.min(a.top, b.top), Math.max(a.right, b.right), Math.max(a.bottom, b.bottom)));
}

/**
 * The item (with .lines) under the point, the innermost (smallest) first; `slop` px of tolerance.
 * @template {{lines: Rect[]}} I
 * @param {I[]} items @param {number} x @param {number} y @param {number} [slop]
 * @returns {I | null}
 */
export function hitTest(items, x, y, slop = 2) {
  let best = null;
  let bestArea = Infinity;
  for (const item of items) {
    for (const r of item.lines) {
      if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) {
        const area = (r.right - r.left) * (r.bottom - r.top);
        if (area < bestArea) {
          best = item;
          bestArea = area;
        }
      }
    }
  }
  return best;
}

/** The chip's height (fixed in the overlay's CSS). */
export const CHIP_HEIGHT = 24;

/**
 * Distances from the viewport's right and bottom edges for the chip of an editor `box`, which sits
 * just outside the box so it never covers the words: below its bottom-right corner; else (no room
 * below) beside its bottom-right corner, to the right; else above its top-right corner; else, when
 * the box fills the screen, inside its bottom-right corner. Always kept in the viewport. Anchoring
 * by the right edge means the chip is measured (`width`, a number or a function returning one) only
 * for the placement to the right.
 * @param {Rect} box
 * @param {{width: number, height: number}} viewport
 * @param {number | (() => number)} [width]
 * @param {{gap?: number, inset?: number, height?: number}} [options]
 * @returns {{right: number, bottom: number, side: 'below'|'right'|'above'|'inside'}}
 */
export function placeChip(box, viewport, width = 0, { gap = 4, inset = 6, height = CHIP_HEIGHT } = {}) {
  const { width: vw, height: vh } = viewport;
  const chipWidth = () => (typeof width === 'function' ? width() : width);
  const clamp = (/** @type {number} */ value, /** @type {number} */ max) => Math.round(Math.max(0, Math.min(value, max)));
  const alignedRight = (/** @type {number} */ w) => clamp(vw - box.right, vw - w);
  if (box.bottom + gap + height <= vh) {
    return { right: alignedRight(0), bottom: Math.round(vh - box.bottom - gap - height), side: 'below' };
  }
  const w = chipWidth();
  if (box.right + gap + w <= vw) {
    // Beside the box, its bottom level with the box's bottom (or the viewport's, if lower).
    const bottom = clamp(vh - box.bottom, vh - Math.max(0, box.top) - height);
    return { right: Math.round(vw - box.right - gap - w), bottom, side: 'right' };
  }
  if (box.top - gap - height >= 0) {
    return { right: alignedRight(w), bottom: Math.round(vh - box.top + gap), side: 'above' };
  }
  return { right: clamp(vw - box.right + inset, vw - w), bottom: clamp(vh - box.bottom + inset, vh - height), side: 'inside' };
}

/**
 * Top-left for a popover of `size` next to `anchor`: below it if it fits, else above, else
 * wherever it overlaps the viewport least; aligned to the anchor's `align` edge, kept on screen.
 * @param {Rect} anchor
 * @param {{width: number, height: number}} size
 * @param {{width: number, height: number}} viewport
 * @param {{gap?: number, align?: 'left' | 'right', avoid?: Rect | null}} [options]
 * @returns {{left: number, top: number}}
 */
export function placePopover(anchor, size, viewport, { gap = 6, align = 'left', avoid = null } = {}) {
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - size.height;
  const preferred = align === 'right' ? anchor.right - size.width : anchor.left;
  const left = Math.max(0, Math.min(preferred, viewport.width - size.width));
  const fits = (/** @type {number} */ top) => top >= 0 && top + size.height <= viewport.height;
  const clear = (/** @type {number} */ l, /** @type {number} */ top) => !avoid || !intersect(rect(l, top, l + size.width, top + size.height), avoid);
  let top;
  if (below + size.height <= viewport.height) top = below;
  else if (above >= 0) top = above;
  else top = Math.max(0, viewport.height - size.height);
  if (avoid && !clear(left, top)) {
    // `avoid` (the chip) is in the way: the other side of the anchor, else beside the chip.
    const other = top === below ? above : below;
    if (fits(other) && clear(left, other)) return { left: Math.round(left), top: Math.round(other) };
    const beside = avoid.left - gap - size.width >= 0 ? avoid.left - gap - size.width : avoid.right + gap;
    if (beside + size.width <= viewport.width) return { left: Math.round(beside), top: Math.round(top) };
  }
  return { left: Math.round(left), top: Math.round(top) };
}
