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

/**
 * The rect of `lines` nearest to the point (the one under it when there is one), or null.
 * @param {Rect[]} lines @param {number} x @param {number} y
 * @returns {Rect | null}
 */
export function nearestLine(lines, x, y) {
  let best = null;
  let bestDistance = Infinity;
  for (const r of lines) {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/** The chip's height (fixed in the overlay's CSS). */
export const CHIP_HEIGHT = 24;
/** The chip as a dot (its side, in the overlay's CSS): what it shrinks to when nothing else fits. */
export const DOT_SIZE = 16;

/** @param {Rect} r @param {number} by */
const inflate = (r, by) => rect(r.left - by, r.top - by, r.right + by, r.bottom + by);

/**
 * @typedef {'below' | 'right' | 'above' | 'inside' | 'inside-top'} ChipSide
 * @typedef {{left: number, top: number, side: ChipSide, dot: boolean}} ChipPlace
 */

/**
 * Free space on screen among the page's controls (`obstacles`): whether a rect is on screen, what
 * it hits (with `clearance` px kept around each control), and the first free spot on a row.
 * @param {{width: number, height: number}} viewport @param {Rect[]} obstacles @param {number} clearance
 */
function freeSpace(viewport, obstacles, clearance) {
  const { width: vw, height: vh } = viewport;
  /** @param {Rect} r */
  const onScreen = (r) => r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh;
  /** @param {Rect} r */
  const hits = (r) => obstacles.filter((o) => intersect(inflate(r, clearance), o));
  /**
   * The first free spot on the row at `y`, from `x` leftwards past whatever is in the way, not
   * left of `minX`.
   * @param {number} x @param {number} y @param {number} minX @param {number} w @param {number} h
   * @returns {Rect | null}
   */
  const slide = (x, y, minX, w, h) => {
    let at = Math.min(x, vw - w);
    const floor = Math.max(0, Math.min(minX, at));
    while (at >= floor) {
      const r = rect(at, y, at + w, y + h);
      if (!onScreen(r)) return null;
      const blocking = hits(r);
      if (blocking.length === 0) return r;
      at = Math.min(...blocking.map((o) => o.left)) - clearance - w;
    }
    return null;
  };
  return { onScreen, hits, slide };
}

/**
 * Where the chip of an editor `box` goes (its top-left, viewport coordinates): never over a
 * control of the page (`obstacles`, their rects), always on screen, and outside the box where it
 * can, so it covers no words. Candidates, in order: below the box's bottom-right corner, then
 * slid left along the box's bottom edge past each control in the way (between a Post button and
 * the icons); beside the bottom-right corner, to the right; above the top-right corner (slid
 * likewise); inside the bottom-right corner, then the top-right one (slid likewise). The first
 * free one at full size wins; with none free the chip shrinks to a dot (DOT_SIZE, still a
 * labelled button) and tries them again; with none free even then it is a dot inside the box's
 * bottom-right corner.
 * @param {Rect} box
 * @param {{width: number, height: number}} viewport
 * @param {{width: number, height: number}} size  the chip at full size
 * @param {Rect[]} [obstacles]  the page's controls near the box
 * @param {{gap?: number, inset?: number, dot?: number, clearance?: number}} [options]
 *   clearance: px kept free around a control
 * @returns {ChipPlace}
 */
export function placeChip(box, viewport, size, obstacles = [], { gap = 4, inset = 6, dot = DOT_SIZE, clearance = 2 } = {}) {
  const { width: vw, height: vh } = viewport;
  const bottom = Math.min(box.bottom, vh);
  const top = Math.max(box.top, 0);
  const { onScreen, hits, slide } = freeSpace(viewport, obstacles, clearance);
  /**
   * @param {number} w @param {number} h
   * @returns {Array<[ChipSide, () => Rect | null]>}
   */
  const candidates = (w, h) => [
    ['below', () => slide(box.right - w, box.bottom + gap, box.left, w, h)],
    ['right', () => {
      const r = rect(box.right + gap, Math.max(top, bottom - h), box.right + gap + w, Math.max(top, bottom - h) + h);
      return onScreen(r) && hits(r).length === 0 ? r : null;
    }],
    ['above', () => slide(box.right - w, box.top - gap - h, box.left, w, h)],
    ['inside', () => slide(box.right - inset - w, bottom - inset - h, box.left + inset, w, h)],
    ['inside-top', () => slide(box.right - inset - w, top + inset, box.left + inset, w, h)],
  ];
  for (const [w, h, isDot] of /** @type {Array<[number, number, boolean]>} */ ([[size.width, size.height, false], [dot, dot, true]])) {
    for (const [side, find] of candidates(w, h)) {
      const r = find();
      if (r) return { left: Math.round(r.left), top: Math.round(r.top), side, dot: isDot };
    }
  }
  // Walled in: a dot in the box's bottom-right corner, kept on screen.
  const left = Math.max(0, Math.min(box.right - inset - dot, vw - dot));
  const y = Math.max(0, Math.min(bottom - inset - dot, vh - dot));
  return { left: Math.round(left), top: Math.round(y), side: 'inside', dot: true };
}

/**
 * Where the "before you post" reminder of `size` goes: beside the chip (left of it, on its row),
 * else below it, above it, above the box, and last inside the box's top; each slid left past the
 * page's controls (`obstacles`, which should include the chip) and kept on screen, so it covers
 * no control, the site's Post button least of all. The draft is kept clear too where any spot
 * outside the box is free (the reminder quotes its words; the user may read them again); else it
 * may lie over the box. Null when no spot is free.
 * @param {Rect} chip  the chip's rect
 * @param {Rect} box  the compose box's rect
 * @param {{width: number, height: number}} viewport
 * @param {{width: number, height: number}} size
 * @param {Rect[]} obstacles
 * @param {{gap?: number, inset?: number, clearance?: number}} [options]
 * @returns {{left: number, top: number, side: 'beside' | 'below' | 'above' | 'above-box' | 'inside-top'} | null}
 */
export function placeReminder(chip, box, viewport, size, obstacles, { gap = 6, inset = 6, clearance = 2 } = {}) {
  const { width: w, height: h } = size;
  // Beside the chip, top-aligned with it: a chip just below the box leaves the reminder below it too.
  const top = Math.round(chip.top);
  for (const around of [[...obstacles, box], obstacles]) {
    const { slide } = freeSpace(viewport, around, clearance);
    /** @type {Array<['beside' | 'below' | 'above' | 'above-box' | 'inside-top', () => Rect | null]>} */
    const candidates = [
      ['beside', () => slide(chip.left - gap - w, top, 0, w, h)],
      ['below', () => slide(chip.right - w, chip.bottom + gap, 0, w, h)],
      ['above', () => slide(chip.right - w, chip.top - gap - h, 0, w, h)],
      ['above-box', () => slide(box.right - w, box.top - gap - h, 0, w, h)],
      ['inside-top', () => slide(box.right - inset - w, Math.max(box.top, 0) + inset, box.left + inset, w, h)],
    ];
    for (const [side, find] of candidates) {
      const r = find();
      if (r) return { left: Math.round(r.left), top: Math.round(r.top), side };
    }
  }
  return null;
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
