// @ts-check
// Wires one compose box: its text source → coalescer → port client → chip and underlines. The
// work is done by the modules it wires: text-walk.js (the text and its changes), layout.js (where
// underlines go, with box-geometry.js reading the page), hint-model.js and chip-model.js (what is
// shown), apply-suggestion.js (the one write to the editor), the views, and probe.js (benchmark
// hooks, none in a shipped build).

import { applySuggestion } from './apply-suggestion.js';
import { createBoxGeometry } from './box-geometry.js';
import { chipModel } from './chip-model.js';
import { createCoalescer } from './coalescer.js';
import { hitTest } from './geometry.js';
import { hintSpans, panelModel, rebaser, visibleHints } from './hint-model.js';
import { layoutUnderlines } from './layout.js';
import { probe } from './probe.js';
import { createTextSource } from './text-walk.js';

/**
 * @typedef {import('../lib/report.js').Report} Report
 * @typedef {import('./hint-model.js').KeyedHint} KeyedHint
 * @typedef {{hint: KeyedHint, span: import('../lib/report.js').Span, lines: import('./geometry.js').Rect[]}} Item
 * @typedef {ReturnType<typeof watchBox>} BoxView
 */

/**
 * @param {HTMLElement} box  the textarea or the editor's contenteditable root
 * @param {object} deps
 * @param {import('./sites.js').Site} deps.site
 * @param {{analyze: (text: string, options: import('../lib/protocol.js').AnalyzeOptions) => Promise<Report>, inFlight: number}} deps.client
 * @param {import('./overlay.js').Overlay} deps.overlay
 * @param {(view: BoxView) => void} deps.onChipClick
 * @param {(view: BoxView) => void} deps.onReport  a new report is shown
 * @param {import('./views/dom.js').Translate} deps.t
 * @param {() => void} deps.onLayout  asks for everything to be placed again
 * @param {(error: Error) => void} deps.onError  an analysis failed
 */
export function watchBox(box, { site, client, overlay, onChipClick, onReport, t, onLayout, onError }) {
  const doc = box.ownerDocument;
  const win = /** @type {Window} */ (doc.defaultView);
  const anchorElement = () => {
    try {
      return site.anchor?.(box) ?? box;
    } catch {
      return box;
    }
  };

  /** @type {Report | null} */
  let report = null;
  let reportText = '';
  /** @type {KeyedHint[]} */
  let hints = [];
  /** @type {Item[]} hints as last drawn, with their spans in the current text */
  let items = [];
  /** @type {Set<string>} rules muted for this post */
  const muted = new Set();
  /** @type {import('./layout.js').LayoutCache | null} underline geometry as last laid out */
  let layoutCache = null;
  /** @type {string | null} */
  let active = null;

  const source = createTextSource(box);
  const geometry = createBoxGeometry(box, overlay.root);
  const chip = overlay.createChip(() => onChipClick(view));
  const underlines = overlay.createUnderlines();

  const readText = probe.part('read', source.text);
  const hintsOf = probe.part('hints', visibleHints);
  const chipModelOf = probe.part('chipModel', chipModel);
  const updateChip = probe.part('chipUpdate', chip.update);
  const reported = probe.part('onReport', onReport);
  const anchorRect = probe.part('layoutFlush', () => anchorElement().getBoundingClientRect());
  const measured = probe.part('measure', measure);
  const rendered = probe.part('render', render);

  /** @typedef {{text: string, options: import('../lib/protocol.js').AnalyzeOptions}} Snapshot */
  const coalescer = createCoalescer({
    /** @returns {Snapshot} */
    read: () => ({ text: readText(), options: { platform: site.platform, context: site.context(box, win.location) } }),
    send: probe.send(client, probe.part('send', (/** @type {Snapshot} */ { text, options }) => client.analyze(text, options))),
    onReport: probe.time('report', (/** @type {Report} */ next, /** @type {Snapshot} */ snapshot) => show(next, snapshot.text)),
    onError,
    schedule: (callback) => win.requestAnimationFrame(probe.time('frame', callback)),
  });

  /** @param {Report} next @param {string} text */
  function show(next, text) {
    report = next;
    reportText = text;
    if (text.trim() === '') muted.clear(); // a new post starts with no mutes
    hints = hintsOf(report, muted);
    const model = chipModelOf(report, t, hints.length);
    // Drawn at once (not next frame): the chip and the underlines change together. Geometry is
    // read first, then everything is written, so the page is laid out once.
    view.place({ width: win.innerWidth, height: win.innerHeight });
    updateChip(model);
    reported(view);
  }

  // Change detection: MutationObserver on a contenteditable (it sees the edits editors make
  // themselves), `input` on a textarea.
  const onChange = probe.time('change', (/** @type {MutationRecord[] | Event | undefined} */ records) => {
    if (source.changed(Array.isArray(records) ? records : undefined)) coalescer.poke();
    else onLayout(); // a class or style changed: nothing to analyse, but the underlines may have moved
  });
  /** @type {MutationObserver | null} */
  let observer = null;
  if (source.isTextarea) {
    box.addEventListener('input', onChange);
  } else {
    observer = new (/** @type {typeof MutationObserver} */ (/** @type {any} */ (win).MutationObserver))(onChange);
    // Attributes only for what moves text (a class or style on a block), not for analysis.
    observer.observe(box, { characterData: true, childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'dir', 'align', 'hidden'] });
  }
  const resizeObserver = new (/** @type {typeof ResizeObserver} */ (/** @type {any} */ (win).ResizeObserver))(() => {
    geometry.resized();
    // A box that grew as text was typed keeps the geometry of the lines before the change (the
    // mutations say where); a resize nothing in the box explains (a style change) drops it.
    if (source.dirtyFrom === Infinity) layoutCache = null;
    onLayout();
  });
  resizeObserver.observe(box);
  // A web font arriving moves text without any mutation.
  const onFonts = () => {
    layoutCache = null;
    onLayout();
  };
  doc.fonts?.addEventListener?.('loadingdone', onFonts);
  onChange(undefined);

  /**
   * Where every underline goes now (reads the page, writes nothing).
   * @returns {Item[]}
   */
  function measure() {
    if (!report || hints.length === 0 || !box.isConnected) {
      layoutCache = null;
      return [];
    }
    const text = source.text();
    const rebase = rebaser(reportText, text);
    const { clip, boxRect, key, ltr } = geometry.read();
    const placed = [];
    for (const hint of hints) {
      const spans = /** @type {import('../lib/report.js').Span[]} */ (hintSpans(hint).map(rebase).filter((span) => span && span.end > span.start));
      if (spans.length > 0) placed.push({ hint, spans });
    }
    if (!clip || placed.length === 0) {
      layoutCache = null;
      return [];
    }
    const frame = { text, clip, origin: boxRect, key, ltr, dirtyFrom: source.dirtyFrom };
    const layout = layoutUnderlines(placed, frame, layoutCache, geometry.rectsFor(text, source.map(), boxRect));
    layoutCache = layout.cache;
    source.measured();
    return layout.items;
  }

  function render() {
    if (items.length === 0) underlines.clear();
    else underlines.render(items, active);
  }

  const view = {
    box,
    get report() {
      return report;
    },
    get hints() {
      return hints;
    },
    chip,
    /**
     * Places the chip and redraws the underlines (scroll, resize, layout change).
     * @param {{width: number, height: number}} viewport
     */
    place(viewport) {
      // The first geometry read lays the page out (after typing, work the browser would do for the
      // next frame anyway); the bench times it apart from Rapport's own work.
      const rect = anchorRect();
      items = measured();
      chip.place(rect, viewport);
      rendered();
    },
    /** @param {number} x @param {number} y */
    hitTest: (x, y) => hitTest(items, x, y)?.hint ?? null,
    /** @param {string} key */
    hint: (key) => hints.find((hint) => hint.key === key) ?? null,
    /**
     * The first line of a hint's underline, or null when it is not on screen.
     * @param {string} key
     */
    hintRect: (key) => items.find((item) => item.hint.key === key)?.lines[0] ?? null,
    /** @param {string | null} key */
    setActive(key) {
      active = key;
      underlines.setActive(key);
    },
    panelModel: () => (report ? panelModel(report, hints, reportText) : null),
    /** @param {string} rule */
    mute(rule) {
      muted.add(rule);
      if (report) show(report, reportText);
    },
    /** @param {KeyedHint} hint */
    applySuggestion: (hint) => applySuggestion(box, source, hint, reportText),
    /** Settings changed: analyse again even though the text did not. */
    refresh: () => coalescer.refresh(),
    dispose() {
      coalescer.dispose();
      observer?.disconnect();
      box.removeEventListener('input', onChange);
      resizeObserver.disconnect();
      doc.fonts?.removeEventListener?.('loadingdone', onFonts);
      chip.remove();
      underlines.remove();
      geometry.dispose();
    },
  };
  return view;
}
