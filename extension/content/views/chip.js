// @ts-check
// The summary chip of one compose box: tone dot, self-focus and reply glyphs, the platform
// counter and the score; "too long to check" with the count for a draft Rapport does not check.
// Placed where it covers none of the page's controls (geometry.js placeChip), as a dot when there
// is no room for it. Its accessible name is its content: a visually hidden sentence (the visible
// glyphs are decoration, hidden from assistive technology). Writes only what changed since the
// last update (it runs every keystroke).
// Testability contract: [data-rapport="chip"] with data-state (checked, too-long, stopped), data-tone,
// data-invites-reply, data-self-focused, data-length, data-limit, data-over, data-score,
// data-hints, data-size (full, dot), data-side; its name in [data-rapport="chip-label"].

import { CHIP_HEIGHT, placeChip } from '../geometry.js';
import { keepFocus } from './dom.js';

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {import('./dom.js').Translate} deps.t
 * @param {HTMLElement} deps.container  the overlay's chip layer
 * @param {() => void} deps.onClick
 */
export function createChip({ h, t, container, onClick }) {
  const doc = container.ownerDocument;
  const label = h('span', { className: 'sr-only', dataset: { rapport: 'chip-label' } });
  const dot = h('span', { className: 'dot', 'aria-hidden': 'true' });
  const focus = h('span', { className: 'glyph focus', 'aria-hidden': 'true', title: t('selfFocusedTitle') }, t('glyphSelf'));
  const reply = h('span', { className: 'glyph reply', 'aria-hidden': 'true', title: t('invitesReplyTitle') }, '?');
  // The visible text of a state without a report (too long to check, stopped).
  const noteText = doc.createTextNode('');
  const note = h('span', { className: 'note', 'aria-hidden': 'true', hidden: true }, noteText);
  // Text nodes kept to update in place (setting textContent replaces the node every keystroke).
  const labelText = doc.createTextNode('');
  const counterText = doc.createTextNode('');
  const scoreText = doc.createTextNode('');
  label.append(labelText);
  const counter = h('span', { className: 'counter', 'aria-hidden': 'true' }, counterText);
  const score = h('span', { className: 'score', 'aria-hidden': 'true' }, scoreText);
  const chip = h(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog', dataset: { rapport: 'chip', size: 'full' }, hidden: true, on: { mousedown: keepFocus, click: onClick } },
    label, dot, focus, reply, note, counter, score,
  );
  container.append(chip);
  let shown = false;
  /** The chip's width at full size, and what it depends on when it was measured. */
  let fullWidth = 0;
  let measuredFor = '';
  /** @type {Record<string, unknown>} what update() last wrote */
  const written = {};
  /** @param {string} key @param {unknown} value @returns {boolean} whether it changed */
  const changed = (key, value) => {
    if (written[key] === value) return false;
    written[key] = value;
    return true;
  };
  return {
    element: chip,
    /** The chip's accessible name (what the announcer reads). */
    get label() {
      return labelText.data;
    },
    /** @param {import('../chip-model.js').ChipModel} model */
    update(model) {
      // Only what changed is written (compared with what was written last, without reading the
      // DOM): this runs on every keystroke.
      const checked = model.state === 'checked';
      /** @type {Record<string, string>} */
      const data = {
        state: model.state,
        tone: model.tone,
        invitesReply: String(model.invitesReply),
        selfFocused: String(model.selfFocused),
        length: String(model.used),
        limit: model.limit === null ? '' : String(model.limit),
        over: String(model.over),
        score: model.score === null ? '' : String(model.score),
        hints: String(model.hints),
      };
      for (const key in data) {
        if (changed(key, data[key])) chip.dataset[key] = data[key];
      }
      if (changed('label', model.label)) labelText.data = model.label;
      if (changed('selfFocusedGlyph', model.selfFocused && checked)) {
        focus.dataset.on = String(model.selfFocused);
        focus.hidden = !(model.selfFocused && checked);
      }
      if (changed('reply', `${data.invitesReply}/${checked}`)) {
        reply.dataset.on = data.invitesReply;
        reply.hidden = !checked;
      }
      if (changed('checked', checked)) {
        note.hidden = checked;
        score.hidden = !checked;
      }
      if (changed('note', model.note ?? '')) noteText.data = model.note ?? '';
      if (changed('counter', model.counterText)) counterText.data = model.counterText;
      if (changed('scoreText', data.score)) scoreText.data = data.score;
      shown = true;
    },
    /** @param {boolean} expanded */
    setExpanded(expanded) {
      chip.setAttribute('aria-expanded', String(expanded));
    },
    /**
     * Places the chip beside the editor's box `rect` (viewport coordinates), clear of the page's
     * controls (`obstacles`); see placeChip. Reads the chip's width (after the update, before any
     * write: the page is laid out once).
     * @param {DOMRect} rect
     * @param {import('./dom.js').Viewport} view
     * @param {import('../geometry.js').Rect[]} obstacles
     */
    place(rect, view, obstacles) {
      const visible = shown && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < view.height && rect.right > 0 && rect.left < view.width;
      if (chip.hidden !== !visible) chip.hidden = !visible;
      if (!visible) return;
      const shape = `${written.state}/${written.selfFocusedGlyph}/${String(written.counter ?? '').length}/${String(written.scoreText ?? '').length}`;
      if (chip.dataset.size === 'full' || measuredFor !== shape) {
        // A dot measures as a dot: its content changed width, so show it full to measure it.
        if (chip.dataset.size !== 'full') chip.dataset.size = 'full';
        fullWidth = chip.offsetWidth;
        measuredFor = shape;
      }
      const place = placeChip(rect, view, { width: fullWidth, height: CHIP_HEIGHT }, obstacles);
      const size = place.dot ? 'dot' : 'full';
      if (chip.dataset.size !== size) chip.dataset.size = size;
      if (chip.dataset.side !== place.side) chip.dataset.side = place.side;
      const transform = `translate(${place.left}px, ${place.top}px)`;
      if (chip.style.transform !== transform) chip.style.transform = transform;
    },
    rect: () => chip.getBoundingClientRect(),
    remove() {
      chip.remove();
    },
  };
}

/** @typedef {ReturnType<typeof createChip>} Chip */
