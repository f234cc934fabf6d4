// @ts-check
// Geometry of text inside a textarea, which has no DOM ranges: a hidden mirror element (in the
// overlay's shadow root) laid out with the textarea's own text metrics. Only reads the textarea.

/** Computed properties that decide where the textarea's text wraps and sits. */
export const MIRROR_PROPERTIES = [
  'box-sizing', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch', 'font-variant',
  'font-feature-settings', 'font-kerning', 'line-height', 'letter-spacing', 'word-spacing',
  'text-indent', 'text-transform', 'text-align', 'tab-size', 'direction', 'word-break', 'overflow-wrap',
];

/** The mirror's inline style for a textarea with `computed` style, `clientWidth` and borders. */
/**
 * @param {CSSStyleDeclaration} computed
 * @param {{clientWidth: number, left: number, top: number}} box
 */
export function mirrorStyle(computed, { clientWidth, left, top }) {
  const parts = MIRROR_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`);
  const borders = parseFloat(computed.getPropertyValue('border-left-width')) + parseFloat(computed.getPropertyValue('border-right-width'));
  // clientWidth excludes a vertical scrollbar, so the mirror wraps where the textarea does.
  parts.push('box-sizing:border-box', `width:${clientWidth + borders}px`, `left:${left}px`, `top:${top}px`, 'height:auto');
  parts.push('border-color:transparent', 'white-space:pre-wrap', 'overflow-wrap:break-word');
  return parts.join(';');
}

/**
 * A mirror for one textarea. `rectsFor(start, end)` returns the client rects of the value's
 * [start, end) as drawn in the textarea (scroll offsets applied).
 */
/**
 * @param {ShadowRoot | HTMLElement} container  where the mirror goes (the overlay's shadow root)
 * @param {HTMLTextAreaElement} textarea
 */
export function createMirror(container, textarea) {
  const doc = /** @type {Document} */ (container.ownerDocument ?? /** @type {ShadowRoot} */ (container).host?.ownerDocument);
  const element = doc.createElement('div');
  element.className = 'mirror';
  element.setAttribute('aria-hidden', 'true');
  const textNode = doc.createTextNode('');
  element.append(textNode);
  container.append(element);
  const range = doc.createRange();
  let styledFor = '';

  /** @param {string} value @param {DOMRect} box */
  function sync(value, box) {
    const computed = /** @type {Window} */ (textarea.ownerDocument.defaultView).getComputedStyle(textarea);
    const style = mirrorStyle(computed, { clientWidth: textarea.clientWidth, left: box.left, top: box.top });
    if (style !== styledFor) {
      element.style.cssText = style;
      styledFor = style;
    }
    // A trailing newline needs a character after it to take up a line, as in the textarea.
    const text = `${value}\u200b`;
    if (textNode.data !== text) textNode.data = text;
  }

  return {
    /** Client rects of [start, end) of `value` (the textarea's current value). */
    /**
     * @param {string} value  the textarea's current text
     * @param {import('../lib/report.js').Span[]} spans
     * @param {DOMRect} box  the textarea's client rect
     * @returns {import('./geometry.js').Rect[][]}
     */
    rectsFor(value, spans, box) {
      sync(value, box);
      const origin = element.getBoundingClientRect();
      const dx = box.left - origin.left - textarea.scrollLeft;
      const dy = box.top - origin.top - textarea.scrollTop;
      return spans.map(({ start, end }) => {
        range.setStart(textNode, Math.min(start, value.length));
        range.setEnd(textNode, Math.min(end, value.length));
        return [...range.getClientRects()].map((r) => ({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }));
      });
    },
    remove() {
      element.remove();
    },
  };
}
