// Wires one compose box: change detection → coalescer → port client → chip and underlines.
// Reads the box; writes to it only when the user applies a suggestion, and then only through the
// editor's own input path (execCommand insertText / setRangeText + input), so its model and undo
// stay right.

import { chipModel } from './chip-model.js';
import { createCoalescer } from './coalescer.js';
import { clipRects, fromDOMRect, hitTest, intersect, lineRects, rect } from './geometry.js';
import { panelModel, rebaser, visibleHints } from './hint-model.js';
import { createMirror } from './mirror.js';
import { domPositionAt, normalizeSpaces, textareaText, walkText } from './text-walk.js';

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Common prefix length of two strings. */
function commonPrefix(a, b) {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

const sameRect = (a, b) => a === b || (a !== null && b !== null && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);

/**
 * @param {HTMLElement} box         the textarea or the editor's contenteditable root
 * @param {object} deps
 * @param {object} deps.site        the site adapter (platform, context, anchor?)
 * @param {{analyze: Function}} deps.client
 * @param {object} deps.overlay     from createOverlay
 * @param {(view: object) => void} deps.onChipClick
 * @param {(view: object) => void} deps.onReport  a new report is shown
 * @param {(key: string, substitutions?: string[]) => string} deps.t
 * @param {() => void} deps.onLayout  asks for everything to be placed again
 * @param {(error: Error) => void} deps.onError  an analysis failed
 * @param {object} [deps.bench]     timing hooks (bench builds only)
 */
export function watchBox(box, { site, client, overlay, onChipClick, onReport, t, onLayout, onError, bench }) {
  const doc = box.ownerDocument;
  const win = doc.defaultView;
  const isTextarea = box.nodeName === 'TEXTAREA';
  const anchorElement = () => {
    try {
      return site.anchor?.(box) ?? box;
    } catch {
      return box;
    }
  };

  let report = null;
  let reportText = '';
  let hints = [];
  /** Hints as last drawn: {hint, span (in the current text), lines} */
  let items = [];
  const muted = new Set();
  let walk = null; // cached walk of the contenteditable; dropped (or patched) on every mutation
  /** The latest walk, kept after `walk` is dropped: maps mutated nodes to text offsets. */
  let lastWalk = null;
  /** walk → Map(text node → segment), built when a mutation needs it. */
  const nodeSegments = new WeakMap();
  /**
   * Underline geometry as last measured, reused while it cannot have moved: {text, key, clip,
   * left, top, spans: Map("start-end" → {lines, clipped})}. A span's lines are reused (moved with
   * the box) when the editor's width and scroll are as they were and the span ends before the line
   * break that precedes the first change (text before a line break is laid out independently of
   * what follows it).
   */
  let geo = null;
  /** Earliest text offset the DOM changed at since `geo` was measured (from the mutation records). */
  let dirtyFrom = Infinity;
  let clipAncestors = null;
  let ltr = true;
  let mirror = null;
  let active = null;
  let view;

  const currentText = () => {
    if (isTextarea) return textareaText(box);
    walk ??= walkText(box);
    lastWalk = walk;
    return walk.text;
  };

  const chip = overlay.createChip(() => onChipClick(view));
  const underlines = overlay.createUnderlines();

  const coalescer = createCoalescer({
    read: () => ({ text: bench ? bench.part('read', currentText) : currentText(), options: { platform: site.platform, context: site.context(box, win.location) } }),
    send: ({ text, options }) => {
      if (!bench) return client.analyze(text, options);
      bench.sent(client);
      return bench.part('send', () => client.analyze(text, options));
    },
    onReport: (next, snapshot) => (bench ? bench.time('report', () => show(next, snapshot.text)) : show(next, snapshot.text)),
    onError,
    schedule: (callback) => win.requestAnimationFrame(() => (bench ? bench.time('frame', callback) : callback())),
  });

  function show(next, text) {
    report = next;
    reportText = text;
    if (text.trim() === '') muted.clear(); // a new post starts with no mutes
    hints = bench ? bench.part('hints', () => visibleHints(report, muted)) : visibleHints(report, muted);
    const model = bench ? bench.part('chipModel', () => chipModel(report, t, hints.length)) : chipModel(report, t, hints.length);
    // Drawn at once (not next frame): the chip and the underlines change together. Geometry is
    // read first, then everything is written, so the page is laid out once.
    view.place({ width: win.innerWidth, height: win.innerHeight });
    if (bench) bench.part('chipUpdate', () => chip.update(model));
    else chip.update(model);
    if (bench) bench.part('onReport', () => onReport(view));
    else onReport(view);
  }

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

  /** Typing inside one text node: patch the walk instead of walking the whole editor again. */
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

  function onMutations(records) {
    const w = walk ?? lastWalk;
    let textChanged = false;
    let start = dirtyFrom;
    for (const record of records) {
      if (record.type !== 'attributes') textChanged = true;
      if (start > 0) start = Math.min(start, mutationStart(record, w));
    }
    dirtyFrom = start;
    if (!textChanged) {
      // A class or style changed: nothing to analyse, but the underlines may have moved.
      onLayout();
      return;
    }
    walk = patchWalk(records);
    if (walk) lastWalk = walk;
    coalescer.poke();
  }

  const onChange = () => {
    walk = null;
    coalescer.poke();
  };
  const poke = bench ? () => bench.time('change', onChange) : onChange;
  const onMutationRecords = bench ? (records) => bench.time('change', () => onMutations(records)) : onMutations;

  let observer = null;
  if (isTextarea) {
    box.addEventListener('input', poke);
  } else {
    observer = new win.MutationObserver(onMutationRecords);
    // Attributes only for what moves text (a class or style on a block), not for analysis.
    observer.observe(box, { characterData: true, childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'dir', 'align', 'hidden'] });
  }
  const resizeObserver = new win.ResizeObserver(() => {
    clipAncestors = null;
    // A box that grew as text was typed keeps the geometry of the lines before the change (the
    // mutations say where); a resize nothing in the box explains (a style change) drops it.
    if (dirtyFrom === Infinity) geo = null;
    onLayout();
  });
  resizeObserver.observe(box);
  // A web font arriving moves text without any mutation.
  const onFonts = () => {
    geo = null;
    onLayout();
  };
  doc.fonts?.addEventListener?.('loadingdone', onFonts);
  poke();

  /** Ancestors that clip the editor (scrolling dialogs, feeds), cached until a resize. */
  function clipBox() {
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
    let clip = rect(r.left + box.clientLeft, r.top + box.clientTop, r.left + box.clientLeft + box.clientWidth, r.top + box.clientTop + box.clientHeight);
    clip = intersect(clip, rect(0, 0, win.innerWidth, win.innerHeight));
    for (const element of clipAncestors) {
      if (!clip) break;
      clip = intersect(clip, fromDOMRect(element.getBoundingClientRect()));
    }
    return { clip, boxRect: r };
  }

  function spanRects(text, spans, boxRect) {
    if (isTextarea) {
      mirror ??= createMirror(overlay.root, box);
      return mirror.rectsFor(text, spans, boxRect);
    }
    const range = doc.createRange();
    return spans.map((span) => {
      const start = domPositionAt(walk, span.start);
      const end = domPositionAt(walk, span.end);
      if (!start || !end) return [];
      try {
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      } catch {
        return []; // a node left the editor between the walk and now
      }
      return [...range.getClientRects()];
    });
  }

  /** Where every underline goes now (reads the DOM, writes nothing). */
  function measure() {
    if (!report || hints.length === 0 || !box.isConnected) {
      geo = null;
      return [];
    }
    const text = currentText();
    const rebase = rebaser(reportText, text);
    const { clip, boxRect } = clipBox();
    const placed = hints.map((hint) => ({ hint, span: rebase(hint.span) })).filter(({ span }) => span && span.end > span.start);
    if (!clip || placed.length === 0) {
      geo = null;
      return [];
    }
    // What the text's position inside the box depends on, besides the text itself. A box that
    // only moved (the page or a dialog scrolled) moves its text with it.
    const key = `${boxRect.width},${box.clientWidth},${box.clientLeft},${box.clientTop},${box.scrollLeft},${box.scrollTop}`;
    const dx = geo ? boxRect.left - geo.left : 0;
    const dy = geo ? boxRect.top - geo.top : 0;
    const moved = dx !== 0 || dy !== 0;
    // Spans ending at or before `stable` have not moved since `geo` was measured.
    let stable = -1;
    if (geo && ltr && geo.key === key) {
      if (dirtyFrom === Infinity && geo.text === text) {
        stable = Infinity; // nothing changed (a scroll inside a clipping ancestor, a frame)
      } else {
        const changed = Math.min(dirtyFrom, commonPrefix(geo.text, text));
        stable = changed === 0 ? -1 : text.lastIndexOf('\n', changed - 1);
      }
    }
    const sameClip = geo !== null && !moved && sameRect(geo.clip, clip);
    const spans = new Map();
    const lines = new Array(placed.length);
    const missing = [];
    placed.forEach(({ span }, index) => {
      const id = `${span.start}-${span.end}`;
      const cached = span.end <= stable ? geo.spans.get(id) : undefined;
      if (cached) {
        let entry = cached;
        if (!sameClip) {
          const shifted = moved ? cached.lines.map((r) => rect(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy)) : cached.lines;
          entry = { lines: shifted, clipped: clipRects(shifted, clip) };
        }
        spans.set(id, entry);
        lines[index] = entry.clipped;
      } else {
        missing.push(index);
      }
    });
    if (missing.length > 0) {
      const rects = spanRects(text, missing.map((index) => placed[index].span), boxRect);
      missing.forEach((index, i) => {
        const { span } = placed[index];
        const raw = lineRects(rects[i].map(fromDOMRect));
        const entry = { lines: raw, clipped: clipRects(raw, clip) };
        spans.set(`${span.start}-${span.end}`, entry);
        lines[index] = entry.clipped;
      });
    }
    geo = { text, key, clip, spans, left: boxRect.left, top: boxRect.top };
    dirtyFrom = Infinity;
    const result = [];
    placed.forEach((item, index) => {
      if (lines[index].length > 0) result.push({ hint: item.hint, span: item.span, lines: lines[index] });
    });
    return result;
  }

  function render() {
    if (items.length === 0) underlines.clear();
    else underlines.render(items, active);
  }

  /** Selects the hint's words in the editor and replaces them through the editor's input path. */
  function applySuggestion(hint) {
    if (hint.suggestion === null || hint.suggestion === undefined) return false;
    const text = currentText();
    const span = rebaser(reportText, text)(hint.span);
    if (!span || text.slice(span.start, span.end) !== reportText.slice(hint.span.start, hint.span.end)) return false;
    if (doc.activeElement !== box && !box.contains(doc.activeElement)) box.focus({ preventScroll: true });
    if (isTextarea) {
      box.setSelectionRange(span.start, span.end);
      // execCommand keeps the textarea's undo stack; setRangeText is the fallback.
      if (!doc.execCommand('insertText', false, hint.suggestion)) {
        box.setRangeText(hint.suggestion, span.start, span.end, 'end');
        box.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: hint.suggestion }));
      }
      return true;
    }
    walk = walkText(box);
    lastWalk = walk;
    const start = domPositionAt(walk, span.start);
    const end = domPositionAt(walk, span.end);
    if (!start || !end) return false;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const selection = win.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return hint.suggestion === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, hint.suggestion);
  }

  view = {
    box,
    get report() {
      return report;
    },
    get hints() {
      return hints;
    },
    chip,
    /** Places the chip and redraws the underlines (scroll, resize, layout change). */
    place(viewport) {
      const anchor = anchorElement();
      // The first geometry read lays the page out (after typing, work the browser would do for the
      // next frame anyway); the bench times it apart from Rapport's own work.
      const rect = bench ? bench.part('layoutFlush', () => anchor.getBoundingClientRect()) : anchor.getBoundingClientRect();
      items = bench ? bench.part('measure', measure) : measure();
      chip.place(rect, viewport);
      if (bench) bench.part('render', render);
      else render();
    },
    hitTest: (x, y) => hitTest(items, x, y)?.hint ?? null,
    hint: (key) => hints.find((hint) => hint.key === key) ?? null,
    /** The first line of a hint's underline, or null when it is not on screen. */
    hintRect: (key) => items.find((item) => item.hint.key === key)?.lines[0] ?? null,
    setActive(key) {
      active = key;
      underlines.setActive(key);
    },
    panelModel: () => (report ? panelModel(report, hints, reportText) : null),
    mute(rule) {
      muted.add(rule);
      if (report) show(report, reportText);
    },
    applySuggestion,
    /** Settings changed: analyse again even though the text did not. */
    refresh: () => coalescer.refresh(),
    dispose() {
      coalescer.dispose();
      observer?.disconnect();
      box.removeEventListener('input', poke);
      resizeObserver.disconnect();
      doc.fonts?.removeEventListener?.('loadingdone', onFonts);
      chip.remove();
      underlines.remove();
      mirror?.remove();
    },
  };
  return view;
}
