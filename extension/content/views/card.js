// @ts-check
// The card of one finding (hovering any of its underlines, or choosing it in the panel from the
// keyboard): what, the words it is about ("“I”, “my”, “our” · 8 places"), why, each offline
// rewrite with one "Apply" for them all where there are any, "mute for this post" and "turn this
// rule off". Testability contract: [data-rapport="card"] with data-rule, data-rule-set,
// data-severity, data-key; [data-rapport="card-words"]; [data-rapport="fix"] per rewrite; its
// buttons carry data-action (apply, mute, rule-off).

import { placePopover } from '../geometry.js';
import { trusted } from './dom.js';

/**
 * @typedef {'apply' | 'mute' | 'rule-off'} CardAction
 * @typedef {object} CardHandlers
 * @property {(action: CardAction, view: any, hint: import('../hint-model.js').KeyedHint) => void} onCardAction
 * @property {() => void} onCardLeave
 * @typedef {import('../hint-model.js').Words & {fixes: Array<{from: string, to: string}>}} CardWords
 *   what the card quotes: the finding's words and each rewrite (from the words to the new text)
 */

/**
 * The words of a finding or a score line as one line: “a”, “b”, “c” and 2 more · 7 places.
 * @param {import('./dom.js').Translate} t @param {import('../hint-model.js').Words} words
 */
export function wordsLine(t, { words, more, places }) {
  let line = words.map((word) => `“${word}”`).join(', ');
  if (more > 0) line += ` ${t('andMore', [String(more)])}`;
  if (places > 1) line += ` · ${t('placesCount', [String(places)])}`;
  return line;
}

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {import('./dom.js').Translate} deps.t
 * @param {HTMLElement} deps.element  the card's element, [data-rapport="card"]
 * @param {CardHandlers} deps.handlers
 * @param {() => import('./dom.js').Viewport} deps.viewport
 * @param {import('./panel.js').Panel} deps.panel  Escape in the card returns to the hint's panel entry
 */
export function createCard({ h, t, element: card, handlers, viewport, panel }) {
  /** @type {{view: any, hint: import('../hint-model.js').KeyedHint} | null} */
  let cardState = null;

  const api = {
    get state() {
      return card.hidden ? null : cardState;
    },
    /**
     * Shows the card for `hint` next to `anchor`, clear of `avoid` (the chip's rect) where it can.
     * @param {any} view
     * @param {import('../hint-model.js').KeyedHint} hint
     * @param {CardWords} words
     * @param {import('../geometry.js').Rect} anchor
     * @param {{focus?: boolean, avoid?: import('../geometry.js').Rect | null}} [options]
     */
    show(view, hint, words, anchor, { focus = false, avoid = null } = {}) {
      cardState = { view, hint };
      const act = (/** @type {CardAction} */ action) => () => handlers.onCardAction(action, view, hint);
      card.dataset.rule = hint.rule;
      card.dataset.ruleSet = hint.rule_set;
      card.dataset.severity = hint.severity;
      card.dataset.key = hint.key;
      card.replaceChildren(
        h(
          'p',
          { className: 'card-title', dataset: { severity: hint.severity } },
          h('span', { className: 'sev', 'aria-hidden': 'true' }),
          h('span', { className: 'sr-only', text: `${t(`severity_${hint.severity}`)}: ` }),
          h('span', { text: hint.message }),
        ),
        words.words.length > 0 ? h('p', { className: 'words', dataset: { rapport: 'card-words' }, text: wordsLine(t, words) }) : '',
        h('p', { className: 'why', text: hint.why }),
        words.fixes.length > 0
          ? h(
              'div',
              { className: 'suggestion' },
              h(
                'ul',
                { className: 'fixes', 'aria-label': t('fixesTitle') },
                words.fixes.map((fix) =>
                  h(
                    'li',
                    { dataset: { rapport: 'fix' } },
                    h('del', { text: fix.from }),
                    h('span', { className: 'arrow', 'aria-hidden': 'true', text: ' → ' }),
                    fix.to === '' ? h('span', { className: 'remove', text: t('suggestionRemove') }) : h('ins', { text: fix.to }),
                  ),
                ),
              ),
              h('button', { type: 'button', className: 'button primary', dataset: { action: 'apply' }, text: t('applySuggestion'), on: { click: act('apply') } }),
            )
          : '',
        h(
          'div',
          { className: 'actions' },
          h('button', { type: 'button', className: 'button', dataset: { action: 'mute' }, text: t('muteForPost'), on: { click: act('mute') } }),
          h('button', { type: 'button', className: 'button', dataset: { action: 'rule-off' }, text: t('ruleOff'), on: { click: act('rule-off') } }),
        ),
      );
      card.hidden = false;
      const size = { width: card.offsetWidth, height: card.offsetHeight };
      const { left, top } = placePopover(anchor, size, viewport(), { avoid: avoid && avoid.right > avoid.left ? avoid : null });
      card.style.transform = `translate(${left}px, ${top}px)`;
      if (focus) card.querySelector('button')?.focus({ preventScroll: true });
    },
    hide() {
      card.hidden = true;
      card.replaceChildren();
      cardState = null;
    },
    /** @param {Node | null} node */
    contains: (node) => card.contains(node),
    get element() {
      return card;
    },
  };
  card.addEventListener('mouseleave', trusted(() => handlers.onCardLeave()));
  card.addEventListener(
    'keydown',
    trusted((/** @type {KeyboardEvent} */ event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        const key = cardState?.hint.key;
        api.hide();
        if (key && panel.view) panel.focusHint(key);
      }
    }),
  );
  return api;
}

/** @typedef {ReturnType<typeof createCard>} Card */
