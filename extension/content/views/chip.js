// @ts-check
// The summary chip of one compose box: tone dot, self-focus and reply glyphs, the platform
// counter and the score. Writes only what changed since the last update (it runs every keystroke).
// Testability contract: [data-rapport="chip"] with data-tone, data-invites-reply,
// data-self-focused, data-length, data-limit, data-over, data-score, data-hints, aria-label.

import { placeChip } from '../geometry.js';
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
  const dot = h('span', { className: 'dot', 'aria-hidden': 'true' });
  const focus = h('span', { className: 'glyph focus', 'aria-hidden': 'true', title: t('selfFocusedTitle') }, t('glyphSelf'));
  const reply = h('span', { className: 'glyph reply', 'aria-hidden': 'true', title: t('invitesReplyTitle') }, '?');
  // Text nodes kept to update in place (setting textContent replaces the node every keystroke).
  const counterText = doc.createTextNode('');
  const scoreText = doc.createTextNode('');
  const counter = h('span', { className: 'counter', 'aria-hidden': 'true' }, counterText);
  const score = h('span', { className: 'score', 'aria-hidden': 'true' }, scoreText);
  const chip = h(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog', dataset: { rapport: 'chip' }, hidden: true, on: { mousedown: keepFocus, click: onClick } },
    dot, focus, reply, counter, score,
  );
  container.append(chip);
  let shown = false;
  /** @type {Record<string, unknown>} what update() last wrote */
  const written = {};
  return {
    element: chip,
    /** @param {import('../chip-model.js').ChipModel} model */
    update(model) {
      // Only what changed is written (compared with what was written last, without reading the
      // DOM): this runs on every keystroke.
      /** @type {Record<string, string>} */
      const data = {
        tone: model.tone,
        invitesReply: String(model.invitesReply),
        selfFocused: String(model.selfFocused),
        length: String(model.used),
        limit: model.limit === null ? '' : String(model.limit),
        over: String(model.over),
        score: String(model.score),
        hints: String(model.hints),
      };
      for (const key in data) {
        if (written[key] !== data[key]) {
          written[key] = data[key];
          chip.dataset[key] = data[key];
        }
      }
      if (written.label !== model.label) {
        written.label = model.label;
        chip.setAttribute('aria-label', model.label);
      }
      if (written.selfFocusedGlyph !== model.selfFocused) {
        written.selfFocusedGlyph = model.selfFocused;
        focus.dataset.on = String(model.selfFocused);
        focus.hidden = !model.selfFocused;
      }
      if (written.reply !== data.invitesReply) {
        written.reply = data.invitesReply;
        reply.dataset.on = data.invitesReply;
      }
      if (written.counter !== model.counterText) {
        written.counter = model.counterText;
        counterText.data = model.counterText;
      }
      if (written.scoreText !== data.score) {
        written.scoreText = data.score;
        scoreText.data = data.score;
      }
      shown = true;
    },
    /** @param {boolean} expanded */
    setExpanded(expanded) {
      chip.setAttribute('aria-expanded', String(expanded));
    },
    /**
     * Places the chip just outside the editor's box `rect` (viewport coordinates); see placeChip.
     * @param {DOMRect} rect
     * @param {import('./dom.js').Viewport} view
     */
    place(rect, view) {
      const visible = shown && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < view.height;
      if (chip.hidden !== !visible) chip.hidden = !visible;
      if (!visible) return;
      // The width is read only when the chip goes beside the box (before anything is written).
      const { right, bottom } = placeChip(rect, view, () => chip.offsetWidth);
      const transform = `translate(${-right}px, ${-bottom}px)`;
      if (chip.style.transform !== transform) chip.style.transform = transform;
    },
    rect: () => chip.getBoundingClientRect(),
    remove() {
      chip.remove();
    },
  };
}

/** @typedef {ReturnType<typeof createChip>} Chip */
