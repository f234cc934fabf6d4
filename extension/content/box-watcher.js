// @ts-check
// Wires one compose box: its text source → coalescer → port client → chip and underlines. The
// work is done by the modules it wires: text-walk.js (the text and its changes), layout.js (where
// underlines go, with box-geometry.js reading the page), page-controls.js (the page's controls
// the chip keeps clear of), hint-model.js and chip-model.js (what is shown), apply-fixes.js (the
// one write to the editor), the views, and probe.js (benchmark hooks, none in a shipped build).
// A draft longer than the engine takes is not sent: the chip says it is too long to check. An
// engine that stopped after repeated failures: the chip says so, the panel offers to reload it.

import { MAX_TEXT_LENGTH } from '../lib/protocol.js';
import { applyFixes } from './apply-fixes.js';
import { createBoxGeometry } from './box-geometry.js';
import { chipModel, stoppedModel, tooLongModel } from './chip-model.js';
import { createCoalescer } from './coalescer.js';
import { hitTest, nearestLine } from './geometry.js';
import { panelModel, quoteOf, rebasedSpans, rebaser, visibleHints, wordsOf, hintSpans } from './hint-model.js';
import { layoutUnderlines } from './layout.js';
import { createPageControls } from './page-controls.js';
import { probe } from './probe.js';
import { createTextSource } from './text-walk.js';

/**
 * @typedef {import('../lib/report.js').Report} Report
 * @typedef {import('./hint-model.js').KeyedHint} KeyedHint
 * @typedef {import('./layout.js').LaidOut<KeyedHint>} Item
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
  /** @type {number | null} the length of a draft too long to check (no report is shown for it) */
  let tooLong = null;
  /** The engine stopped (the background says so in its replies): no report is shown. */
  let stopped = false;
  /** @type {string | null} the score line (factor) whose words are highlighted */
  let highlighted = null;
  /** @type {import('./geometry.js').Rect[][]} */
  let highlightLines = [];

  const source = createTextSource(box);
  const geometry = createBoxGeometry(box, overlay.root);
  const controls = createPageControls(box, () => onLayout());
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
    /** @returns {Snapshot | null} */
    read: () => {
      const text = readText();
      if (text.length > MAX_TEXT_LENGTH) {
        showTooLong(text.length);
        return null;
      }
      return { text, options: { platform: site.platform, context: site.context(box, win.location) } };
    },
    send: probe.send(client, probe.part('send', (/** @type {Snapshot} */ { text, options }) => client.analyze(text, options))),
    onReport: probe.time('report', (/** @type {Report} */ next, /** @type {Snapshot} */ snapshot) => show(next, snapshot.text)),
    onError: (/** @type {Error & {stopped?: boolean}} */ error, /** @type {Snapshot} */ snapshot) => {
      if (error.stopped) showStopped(snapshot.text.length);
      else onError(error);
    },
    schedule: (callback) => win.requestAnimationFrame(probe.time('frame', callback)),
  });

  /** @param {Report} next @param {string} text */
  function show(next, text) {
    report = next;
    reportText = text;
    tooLong = null;
    stopped = false;
    if (text.trim() === '') muted.clear(); // a new post starts with no mutes
    hints = hintsOf(report, muted);
    // Drawn at once (not next frame): the chip and the underlines change together. The chip's
    // content is written first, then geometry is read, then everything is placed, so the page is
    // laid out once.
    updateChip(chipModelOf(report, t, hints.length));
    view.place({ width: win.innerWidth, height: win.innerHeight });
    reported(view);
  }

  /** The draft is longer than the engine takes: no report, and the chip says so. */
  /** @param {number} length */
  function showTooLong(length) {
    if (tooLong === length) return;
    report = null;
    reportText = '';
    hints = [];
    highlighted = null;
    tooLong = length;
    updateChip(tooLongModel(length, MAX_TEXT_LENGTH, t));
    view.place({ width: win.innerWidth, height: win.innerHeight });
    reported(view);
  }

  /** The engine stopped: no report, and the chip says so (until a reply comes again). */
  /** @param {number} length */
  function showStopped(length) {
    const first = !stopped;
    report = null;
    reportText = '';
    hints = [];
    highlighted = null;
    tooLong = null;
    stopped = true;
    updateChip(stoppedModel(length, t));
    view.place({ width: win.innerWidth, height: win.innerHeight });
    if (first) reported(view);
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
    /** @type {Array<{hint: KeyedHint | null, spans: import('../lib/report.js').Span[]}>} */
    const placed = [];
    for (const hint of hints) {
      const spans = rebasedSpans(hint, rebase);
      if (spans.length > 0) placed.push({ hint, spans });
    }
    // A score line's words, laid out with the underlines (hint null).
    const factor = highlighted === null ? null : report.score.breakdown.find((item) => item.factor === highlighted);
    const words = /** @type {import('../lib/report.js').Span[]} */ ((factor?.spans ?? []).map(rebase).filter((span) => span !== null && span.end > span.start));
    if (words.length > 0) placed.push({ hint: null, spans: words });
    if (!clip || placed.length === 0) {
      layoutCache = null;
      highlightLines = [];
      return [];
    }
    const frame = { text, clip, origin: boxRect, key, ltr, dirtyFrom: source.dirtyFrom };
    const layout = layoutUnderlines(placed, frame, layoutCache, geometry.rectsFor(text, source.map(), boxRect));
    layoutCache = layout.cache;
    source.measured();
    highlightLines = layout.items.find((item) => item.hint === null)?.parts.map((part) => part.lines) ?? [];
    return /** @type {Item[]} */ (layout.items.filter((item) => item.hint !== null));
  }

  function render() {
    if (items.length === 0 && highlightLines.length === 0) {
      underlines.clear();
      return;
    }
    underlines.render(items, active);
    underlines.highlight(highlightLines);
  }

  const view = {
    box,
    get report() {
      return report;
    },
    /** The text the report was made for. */
    get text() {
      return reportText;
    },
    /** The length of a draft too long to check, or null. */
    get tooLong() {
      return tooLong;
    },
    /** True while the engine has stopped. */
    get stopped() {
      return stopped;
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
      chip.place(rect, viewport, controls.rects(rect));
      rendered();
    },
    /**
     * Where the chip and the box are and the page's controls near the box (viewport
     * coordinates), for the reminder; null while the chip is not shown.
     * @returns {import('./views/reminder.js').ReminderPlace | null}
     */
    reminderPlace() {
      if (chip.element.hidden) return null;
      const box = anchorElement().getBoundingClientRect();
      return { chip: chip.rect(), box, obstacles: controls.rects(box) };
    },
    /** The page changed around the box: its controls are looked up again. */
    pageChanged: () => controls.stale(),
    /** @param {number} x @param {number} y */
    hitTest: (x, y) => hitTest(items, x, y)?.hint ?? null,
    /** @param {string} key */
    hint: (key) => hints.find((hint) => hint.key === key) ?? null,
    /**
     * The line of a finding's underlines nearest to (x, y) (its first line without a point), or
     * null when none is on screen.
     * @param {string} key @param {{x: number, y: number}} [point]
     */
    hintRect: (key, point) => {
      const lines = items.find((item) => item.hint.key === key)?.lines ?? [];
      return point ? nearestLine(lines, point.x, point.y) : (lines[0] ?? null);
    },
    /**
     * What a finding's card quotes: its words and each rewrite.
     * @param {KeyedHint} hint
     * @returns {import('./views/card.js').CardWords}
     */
    words: (hint) => ({
      ...wordsOf(reportText, hintSpans(hint)),
      fixes: (hint.fixes ?? []).map((fix) => ({ from: quoteOf(reportText, fix.span), to: fix.text })),
    }),
    /**
     * Highlights the words of the score line at `index` of the panel's breakdown, or none.
     * @param {number | null} index
     */
    highlightFactor(index) {
      highlighted = index === null ? null : (report?.score.breakdown.filter((item) => item.points !== 0)[index]?.factor ?? null);
      onLayout();
    },
    /** @param {string | null} key */
    setActive(key) {
      active = key;
      underlines.setActive(key);
    },
    /** @returns {import('./views/panel.js').PanelContent | null} */
    panelModel: () => {
      if (tooLong !== null) return { notice: t('tooLongNotice', [tooLong.toLocaleString('en-US'), MAX_TEXT_LENGTH.toLocaleString('en-US')]) };
      if (stopped) return { notice: t('engineStopped'), reload: t('engineReload') };
      return report ? panelModel(report, hints, reportText) : null;
    },
    /** @param {string} rule */
    mute(rule) {
      muted.add(rule);
      if (report) show(report, reportText);
    },
    /** Applies every fix of a finding (see apply-fixes.js); resolves with whether the editor took them. @param {KeyedHint} hint */
    applyFixes: (hint) => applyFixes(box, source, hint, reportText),
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
      controls.dispose();
    },
  };
  return view;
}
