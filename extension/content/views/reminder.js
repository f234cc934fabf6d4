// @ts-check
// The "before you post" reminder: one calm line beside the chip when the user moves to post a
// draft that may not land (content/ui.js decides when): what it is about, the words, "Review"
// (the panel on that finding) and "Post as is" (closes it). It never takes focus and is placed
// clear of the page's controls (geometry.js placeReminder), the Post button above all.
// The element is always in the shadow root, so screen readers hear it when it fills (a polite
// status region); closed, it is empty and visually hidden.
// Testability contract: [data-rapport="reminder"] with role="status", data-open (true while
// shown), data-kind, data-rule, data-key, data-side; its buttons carry data-action (review,
// post-as-is).

import { placeReminder } from '../geometry.js';
import { keepFocus, trusted } from './dom.js';

/**
 * @typedef {'review' | 'post-as-is'} ReminderAction
 * @typedef {object} ReminderHandlers
 * @property {(action: ReminderAction, view: any, byKeyboard: boolean) => void} onReminderAction
 * @typedef {{chip: import('../geometry.js').Rect, box: import('../geometry.js').Rect, obstacles: import('../geometry.js').Rect[]}} ReminderPlace
 *   where the chip and the box are, and the page's controls to keep clear of (viewport coordinates)
 */

/**
 * @param {object} deps
 * @param {import('./dom.js').H} deps.h
 * @param {import('./dom.js').Translate} deps.t
 * @param {HTMLElement} deps.element  [data-rapport="reminder"]
 * @param {ReminderHandlers} deps.handlers
 * @param {() => import('./dom.js').Viewport} deps.viewport
 */
export function createReminder({ h, t, element, handlers, viewport }) {
  /** @type {{view: any, model: import('../reminder-model.js').ReminderModel, where: () => ReminderPlace | null, draft: string} | null} */
  let state = null;
  element.addEventListener('mousedown', keepFocus);
  element.addEventListener('keydown', trusted((/** @type {KeyboardEvent} */ event) => {
    if (event.key === 'Escape' && state) {
      event.stopPropagation();
      handlers.onReminderAction('post-as-is', state.view, true);
    }
  }));

  function place() {
    if (!state) return;
    const where = state.where();
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    const spot = where && placeReminder(where.chip, where.box, viewport(), size, [...where.obstacles, where.chip]);
    // Nowhere free (or the box scrolled away): out of sight rather than over the page's controls.
    element.dataset.side = spot?.side ?? 'none';
    element.style.visibility = spot ? '' : 'hidden';
    element.style.left = `${spot?.left ?? 0}px`;
    element.style.top = `${spot?.top ?? 0}px`;
  }

  return {
    element,
    /** The view it is shown for, or null. */
    get view() {
      return state?.view ?? null;
    },
    /** The draft key it is shown for, or null. */
    get draft() {
      return state?.draft ?? null;
    },
    /**
     * Shows the reminder for `view` (a box watcher), placed by `where()` at once and every frame.
     * @param {any} view
     * @param {import('../reminder-model.js').ReminderModel} model
     * @param {string} draft  the key of the draft version it is about
     * @param {() => ReminderPlace | null} where
     */
    show(view, model, draft, where) {
      state = { view, model, draft, where };
      const act = (/** @type {ReminderAction} */ action) => (/** @type {Event} */ event) => handlers.onReminderAction(action, view, /** @type {MouseEvent} */ (event).detail === 0);
      Object.assign(element.dataset, { open: 'true', kind: model.kind, rule: model.rule, key: model.key });
      element.replaceChildren(
        h('span', { className: 'reminder-text' },
          h('strong', { text: `${t('reminderLead')} ` }),
          h('span', { text: model.title }),
          model.words ? h('span', { className: 'reminder-words', text: ` — ${model.words}` }) : null),
        h('span', { className: 'actions' },
          h('button', { type: 'button', className: 'button', dataset: { action: 'review' }, on: { click: act('review') } }, model.review),
          h('button', { type: 'button', className: 'button quiet', dataset: { action: 'post-as-is' }, on: { click: act('post-as-is') } }, model.dismiss)),
      );
      place();
    },
    place,
    hide() {
      if (!state) return;
      state = null;
      element.dataset.open = 'false';
      for (const key of ['kind', 'rule', 'key', 'side']) delete element.dataset[key];
      element.replaceChildren();
      element.style.visibility = '';
    },
    /** @param {Node | null} node */
    contains: (node) => element.contains(node),
  };
}

/** @typedef {ReturnType<typeof createReminder>} ReminderView */
