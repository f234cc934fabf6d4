// Block-aware plain text of an editable element, with a map from text offsets back to the DOM.
// Pure: works on any DOM-like tree (nodeType, nodeName, childNodes, data, getAttribute).
//
// Offsets are UTF-16 code units, the unit of JavaScript strings and of the engine's spans.
//
// Rules (what the user sees, not what innerText/textContent give):
// - every block element starts on a new line and ends its line, so consecutive blocks are
//   separated by exactly one "\n" (innerText doubles it around <p>, textContent drops it);
// - <br> ends a line; an empty block holding only a <br> is one empty line; a <br> that ends a
//   non-empty block is the browser's placeholder and adds nothing;
// - U+00A0 (which editors store for runs of spaces) becomes a plain space, same length;
// - an <img> contributes its alt text (emoji images).

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export const normalizeSpaces = (text) => text.replace(/\u00a0/g, ' ');

/**
 * @returns {{text: string, segments: Array<{start: number, end: number, node: object}>}}
 *   segments: one per contributing text node (or img), in order; text.slice(start, end) is that
 *   node's contribution and offset `start + k` is DOM position (node, k) for text nodes.
 */
export function walkText(root) {
  let text = '';
  const segments = [];
  let atLineStart = true;
  // True when the text ends with a "\n" that closed a line (as opposed to one typed inside a
  // text node); one such trailing line end is dropped at the end.
  let endsWithLineEnd = false;

  const emit = (chunk, node) => {
    if (chunk.length === 0) return;
    if (node) segments.push({ start: text.length, end: text.length + chunk.length, node });
    text += chunk;
    atLineStart = chunk.endsWith('\n');
    endsWithLineEnd = false;
  };
  const endLine = () => {
    text += '\n';
    atLineStart = true;
    endsWithLineEnd = true;
  };

  const visit = (node) => {
    if (node.nodeType === TEXT_NODE) {
      emit(normalizeSpaces(node.data), node);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      endLine();
      return;
    }
    if (name === 'IMG') {
      emit(normalizeSpaces(node.getAttribute('alt') ?? ''), node);
      return;
    }
    const block = BLOCKS.has(name);
    if (block && !atLineStart) endLine();
    for (const child of node.childNodes) visit(child);
    if (block && !atLineStart) endLine();
  };

  for (const child of root.childNodes) visit(child);
  if (endsWithLineEnd) text = text.slice(0, -1);
  return { text, segments };
}

/**
 * Maps a text offset to a DOM position {node, offset} inside a text segment. An offset on a line
 * break or between segments maps to the end of the segment before it (or the start of the first).
 * Returns null for an empty walk. img segments map to the img node with offset 0 or 1.
 */
export function domPositionAt({ segments }, offset) {
  if (segments.length === 0) return null;
  let lo = 0;
  let hi = segments.length - 1;
  // Last segment whose start <= offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  if (offset < segment.start) return position(segment, 0);
  return position(segment, Math.min(offset, segment.end) - segment.start);
}

function position(segment, k) {
  if (segment.node.nodeType === TEXT_NODE) return { node: segment.node, offset: k };
  return { node: segment.node, offset: k === 0 ? 0 : 1 };
}

/** Plain text of a textarea: its value with U+00A0 normalised (offsets map 1:1 to the value). */
export const textareaText = (textarea) => normalizeSpaces(textarea.value);
