// @ts-check
// Where one compose box and its text are on screen: the box's visible clip and what the layout's
// Frame needs of it, and the rect provider for its text (a Range over the walked DOM of a
// contenteditable, the mirror of a textarea). Reads the page; writes only the mirror, which
// lives in Rapport's own shadow root.

import { fromDOMRect, intersect, rect } from './geometry.js';
import { createMirror } from './mirror.js';
import { domPositionAt } from './text-walk.js';

/**
 * @param {HTMLElement} box
 * @param {ShadowRoot} overlayRoot  where a textarea's mirror goes
 */
export function createBoxGeometry(box, overlayRoot) {
  const doc = box.ownerDocument;
  const win = /** @type {Window} */ (doc.defaultView);
  /** @type {HTMLElement[] | null} ancestors that clip the editor (scrolling dialogs, feeds), cached until a resize */
  let clipAncestors = null;
  let ltr = true;
  /** @type {ReturnType<typeof createMirror> | null} */
  let mirror = null;

  return {
    /** The box resized: its clipping ancestors are looked up again. */
    resized() {
      clipAncestors = null;
    },
    /**
     * The box's visible box now (null when none of it is in view) and what text positions inside
     * it depend on.
     * @returns {{clip: import('./geometry.js').Rect | null, boxRect: DOMRect, key: string, ltr: boolean}}
     */
    read() {
      if (clipAncestors === null) {
        clipAncestors = [];
        for (let element = box.parentElement; element && element !== doc.documentElement; element = element.parentElement) {
          const style = win.getComputedStyle(element);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipAncestors.push(element);
        }
        ltr = win.getComputedStyle(box).direction === 'ltr';
      }
      const r = box.getBoundingClientRect();
      // The editor's padding box: text scrolled inside it is clipped there.
      /** @type {import('./geometry.js').Rect | null} */
      let clip = rect(r.left + box.clientLeft, r.top + box.clientTop, r.left + box.clientLeft + box.clientWidth, r.top + box.clientTop + box.clientHeight);
      clip = intersect(clip, rect(0, 0, win.innerWidth, win.innerHeight));
      for (const element of clipAncestors) {
        if (!clip) break;
        clip = intersect(clip, fromDOMRect(element.getBoundingClientRect()));
      }
      // What the text's position inside the box depends on, besides the text itself.
      const key = `${r.width},${box.clientWidth},${box.clientLeft},${box.clientTop},${box.scrollLeft},${box.scrollTop}`;
      return { clip, boxRect: r, key, ltr };
    },
    /**
     * The rect provider for `text`, the box's current text; `walk` is its text map (null for a
     * textarea).
     * @param {string} text
     * @param {import('./text-walk.js').Walk | null} walk
     * @param {DOMRect} boxRect
     * @returns {import('./layout.js').RectProvider}
     */
    rectsFor(text, walk, boxRect) {
      if (box.nodeName === 'TEXTAREA') {
        return (spans) => {
          mirror ??= createMirror(overlayRoot, /** @type {HTMLTextAreaElement} */ (box));
          return mirror.rectsFor(text, spans, boxRect);
        };
      }
      return (spans) => {
        const range = doc.createRange();
        return spans.map((span) => {
          const start = walk && domPositionAt(walk, span.start);
          const end = walk && domPositionAt(walk, span.end);
          if (!start || !end) return [];
          try {
            range.setStart(start.node, start.offset);
            range.setEnd(end.node, end.offset);
          } catch {
            return []; // a node left the editor between the walk and now
          }
          return [...range.getClientRects()];
        });
      };
    },
    dispose() {
      mirror?.remove();
    },
  };
}
