// Wires one compose box: change detection → coalescer → port client → chip and underlines.
// Reads the box; writes to it only when the user applies a suggestion, and then only through the
// editor's own input path (execCommand insertText / setRangeText + input), so its model and undo
// stay right.

import { chipModel } from './chip-model.js';
import { createCoalescer } from './coalescer.js';
import { clipRects, fromDOMRect, hitTest, intersect, lineRects, rect } from './geometry.js';
import { panelModel, rebaser, visibleHints } from './hint-model.js';
import { createMirror } from './mirror.js';
import { domPositionAt, textareaText, walkText } from './text-walk.js';

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
  let walk = null; // cached walk of the contenteditable; dropped on every mutation
  let clipAncestors = null;
  let mirror = null;
  let active = null;
  let view;

  const currentText = () => {
    if (isTextarea) return textareaText(box);
    walk ??= walkText(box);
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
    hints = visibleHints(report, muted);
    const model = chipModel(report, t, hints.length);
    // Drawn at once (not next frame): the chip and the underlines change together. Geometry is
    // read first, then everything is written, so the page is laid out once.
    view.place({ width: win.innerWidth, height: win.innerHeight });
    if (bench) bench.part('chipUpdate', () => chip.update(model));
    else chip.update(model);
    onReport(view);
  }

  const onChange = () => {
    walk = null;
    coalescer.poke();
  };
  const poke = bench ? () => bench.time('change', onChange) : onChange;

  let observer = null;
  if (isTextarea) {
    box.addEventListener('input', poke);
  } else {
    observer = new win.MutationObserver(poke);
    observer.observe(box, { characterData: true, childList: true, subtree: true });
  }
  const resizeObserver = new win.ResizeObserver(() => {
    clipAncestors = null;
    onLayout();
  });
  resizeObserver.observe(box);
  poke();

  /** Ancestors that clip the editor (scrolling dialogs, feeds), cached until a resize. */
  function clipBox() {
    if (clipAncestors === null) {
      clipAncestors = [];
      for (let element = box.parentElement; element && element !== doc.documentElement; element = element.parentElement) {
        const style = win.getComputedStyle(element);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipAncestors.push(element);
      }
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
    if (!report || hints.length === 0 || !box.isConnected) return [];
    const text = currentText();
    const rebase = rebaser(reportText, text);
    const { clip, boxRect } = clipBox();
    const placed = hints.map((hint) => ({ hint, span: rebase(hint.span) })).filter(({ span }) => span && span.end > span.start);
    if (!clip || placed.length === 0) return [];
    const rects = spanRects(text, placed.map(({ span }) => span), boxRect);
    return placed
      .map((item, index) => ({ ...item, lines: clipRects(lineRects(rects[index].map(fromDOMRect)), clip) }))
      .filter((item) => item.lines.length > 0);
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
      chip.remove();
      underlines.remove();
      mirror?.remove();
    },
  };
  return view;
}
