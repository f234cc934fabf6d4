// @ts-check
// Block-aware plain text of an editable element, with a map from text offsets back to the DOM,
// and the text source of one compose box: that text kept up to date from the editor's mutation
// records, patched in place while typing stays inside one text node.
// Pure: works on any DOM-like tree (nodeType, nodeName, childNodes, data, getAttribute; and
// isConnected, compareDocumentPosition for the incremental walk).
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

/** @param {string} text */
export const normalizeSpaces = (text) => text.replace(/\u00a0/g, ' ');

/**
 * The text map: one segment per contributing text node (or img), in order; text.slice(start, end)
 * is that node's contribution and offset `start + k` is DOM position (node, k) for text nodes.
 * @typedef {{start: number, end: number, node: any}} Segment
 * @typedef {{text: string, segments: Segment[]}} Walk
 */

/**
 * @param {any} root  an element (or DOM-like node) whose children are walked
 * @returns {Walk}
 */
export function walkText(root) {
  let text = '';
  /** @type {Segment[]} */
  const segments = [];
  let atLineStart = true;
  // True when the text ends with a "\n" that closed a line (as opposed to one typed inside a
  // text node); one such trailing line end is dropped at the end.
  let endsWithLineEnd = false;

  /** @param {string} chunk @param {any} node */
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

  /** @param {any} node */
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
/** @param {Walk} walk @param {number} offset @returns {{node: any, offset: number} | null} */
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

/** @param {Segment} segment @param {number} k */
function position(segment, k) {
  if (segment.node.nodeType === TEXT_NODE) return { node: segment.node, offset: k };
  return { node: segment.node, offset: k === 0 ? 0 : 1 };
}

/**
 * Plain text of a textarea: its value with U+00A0 normalised (offsets map 1:1 to the value).
 * @param {{value: string}} textarea
 */
export const textareaText = (textarea) => normalizeSpaces(textarea.value);

// ---- the incremental text source -----------------------------------------------------------

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/**
 * What the source needs of a MutationRecord.
 * @typedef {{type: string, target: any, previousSibling?: any}} Mutation
 */

/**
 * The text of one compose box (a textarea, or an editor's contenteditable root), read when asked
 * and kept between reads: a contenteditable's walk is dropped on a mutation, or patched in place
 * when the mutations only changed one text node's characters (typing).
 * @param {any} box
 */
export function createTextSource(box) {
  const isTextarea = box.nodeName === 'TEXTAREA';
  /** @type {Walk | null} cached walk of the contenteditable; dropped (or patched) on every mutation */
  let walk = null;
  /** @type {Walk | null} the latest walk, kept after `walk` is dropped: maps mutated nodes to offsets */
  let lastWalk = null;
  /** @type {WeakMap<Walk, Map<any, Segment>>} walk → (text node → segment), built when a mutation needs it */
  const nodeSegments = new WeakMap();
  /** Earliest text offset the DOM changed at since the layout last took the changes in. */
  let dirtyFrom = Infinity;

  /** @param {Walk} w @param {any} node */
  const segmentOf = (w, node) => {
    let map = nodeSegments.get(w);
    if (!map) {
      map = new Map();
      for (const segment of w.segments) map.set(segment.node, segment);
      nodeSegments.set(w, map);
    }
    return map.get(node);
  };

  /**
   * The text offset before which a mutation cannot have moved anything: the start of a changed
   * text node, else the end of the last text that precedes the changed element (or, for added or
   * removed children, the end of the text up to and inside their previous sibling).
   * @param {Mutation} record
   * @param {Walk | null} w
   */
  function mutationStart(record, w) {
    if (!w) return 0;
    if (record.type === 'characterData') {
      const segment = segmentOf(w, record.target);
      if (segment) return segment.start;
    }
    const sibling = record.type === 'childList' ? record.previousSibling : null;
    const ref = sibling ?? record.target;
    if (!ref.isConnected) return 0;
    let offset = 0;
    for (const segment of w.segments) {
      if (segment.end > dirtyFrom || !segment.node.isConnected) break;
      const position = ref.compareDocumentPosition(segment.node);
      const untouched = position & PRECEDING || (sibling && (segment.node === sibling || position & CONTAINED_BY));
      if (!untouched) break;
      offset = segment.end;
    }
    return offset;
  }

  /**
   * Typing inside one text node: the walk patched instead of walking the whole editor again.
   * @param {Mutation[]} records
   * @returns {Walk | null}
   */
  function patchWalk(records) {
    const node = records[0].target;
    if (!walk || records.some((record) => record.type !== 'characterData' || record.target !== node)) return null;
    const segment = segmentOf(walk, node);
    if (!segment || !node.isConnected || node.data.length === 0) return null;
    const chunk = normalizeSpaces(node.data);
    // The walk's line structure depends on whether a node's text ends a line.
    if (chunk.endsWith('\n') !== walk.text.slice(segment.start, segment.end).endsWith('\n')) return null;
    const delta = chunk.length - (segment.end - segment.start);
    const text = walk.text.slice(0, segment.start) + chunk + walk.text.slice(segment.end);
    const segments = walk.segments.map((s) => {
      if (s.end <= segment.start && s !== segment) return s;
      if (s === segment) return { start: s.start, end: s.end + delta, node: s.node };
      return { start: s.start + delta, end: s.end + delta, node: s.node };
    });
    return { text, segments };
  }

  return {
    isTextarea,
    /** The box's text now. */
    text() {
      if (isTextarea) return textareaText(box);
      walk ??= walkText(box);
      lastWalk = walk;
      return walk.text;
    },
    /** The text map behind the last text() of a contenteditable (null for a textarea). */
    map: () => walk,
    /** Walks the editor again now (before writing through it) and returns the text. */
    rewalk() {
      if (isTextarea) return textareaText(box);
      walk = walkText(box);
      lastWalk = walk;
      return walk.text;
    },
    /**
     * The box changed: `records` from its MutationObserver, or none for a textarea's input event.
     * Returns false when only attributes changed (nothing to analyse; the layout may have moved).
     * @param {Mutation[]} [records]
     */
    changed(records) {
      if (!records) {
        walk = null;
        return true;
      }
      const w = walk ?? lastWalk;
      let textChanged = false;
      let start = dirtyFrom;
      for (const record of records) {
        if (record.type !== 'attributes') textChanged = true;
        if (start > 0) start = Math.min(start, mutationStart(record, w));
      }
      dirtyFrom = start;
      if (!textChanged) return false;
      walk = patchWalk(records);
      if (walk) lastWalk = walk;
      return true;
    },
    /** Earliest text offset the DOM changed at since the last measured() (Infinity: none). */
    get dirtyFrom() {
      return dirtyFrom;
    },
    /** The layout has taken every change so far into account. */
    measured() {
      dirtyFrom = Infinity;
    },
  };
}

/** @typedef {ReturnType<typeof createTextSource>} TextSource */
