// @ts-check
// What the user does with Rapport's UI: the panel (chip click or keyboard shortcut), the card
// (hovering any underline of a finding, or choosing a panel entry from the keyboard) and its
// actions, a score line's words highlighted, the "before you post" reminder (when the user moves
// to post: content/posting.js), and the screen-reader summary. Wiring only: the
// views (box watchers) and the overlay do the drawing. The events that reach it are the user's
// (the views' listeners ignore untrusted ones; main.js checks its own).

import { draftKey, reminderFor, reminderModel } from './reminder-model.js';

const HOVER_SHOW_MS = 200;
const HOVER_HIDE_MS = 350;
const ANNOUNCE_AFTER_MS = 1500;

/** @typedef {import('./box-watcher.js').BoxView} View */

/**
 * @param {object} deps
 * @param {import('./overlay.js').Overlay} deps.overlay
 * @param {() => Iterable<View>} deps.views  the box watchers
 * @param {import('./views/dom.js').Translate} deps.t
 * @param {(ruleId: string) => void} deps.turnRuleOff
 * @param {() => void} deps.openOptions
 * @param {() => void} deps.reloadEngine
 * @param {() => import('../lib/reminders.js').Reminders} deps.reminders  the reminder's setting
 * @param {Window} deps.win
 */
export function createUi({ overlay, views, t, turnRuleOff, openOptions, reloadEngine, reminders, win }) {
  const doc = win.document;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let showTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let hideTimer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announceTimer;
  /** @type {{view: View, key: string} | null} waiting to be shown on hover */
  let pending = null;
  /** @type {{view: View, inBox: boolean, range: Range | null} | null} where focus was before the keyboard shortcut moved it into the panel */
  let savedFocus = null;
  /** @type {WeakMap<View, Set<string>>} the draft versions a reminder was shown for, per box */
  const reminded = new WeakMap();

  /** "Review": the panel on the reminder's finding, with its card. @param {View} view @param {boolean} byKeyboard */
  function review(view, byKeyboard) {
    const key = overlay.reminder.view === view ? (overlay.reminder.element.dataset.key ?? null) : null;
    overlay.reminder.hide();
    if (!key || !openPanel(view)) return;
    if (byKeyboard) saveFocus(view);
    showCard(view, key, { byKeyboard });
  }

  /** @param {View | null} view @param {string | null} key */
  function setActive(view, key) {
    for (const other of views()) other.setActive(other === view ? key : null);
    overlay.panel.setActive(key);
  }

  /** @param {View} view */
  function openPanel(view, { byKeyboard = false } = {}) {
    const model = view.panelModel();
    if (!model) return false;
    for (const other of views()) other.chip.setExpanded(other === view);
    overlay.panel.show(view, model, () => view.chip.rect());
    if (byKeyboard) {
      saveFocus(view);
      overlay.panel.focusFirst();
    }
    return true;
  }

  function closePanel({ restore = false } = {}) {
    const view = overlay.panel.view;
    view?.highlightFactor(null);
    overlay.panel.hide();
    overlay.card.hide();
    for (const other of views()) other.chip.setExpanded(false);
    setActive(null, null);
    if (restore && view) restoreFocus(view);
  }

  /** Remembers the editor's selection, to give it back when the panel closes from the keyboard. */
  /** @param {View} view */
  function saveFocus(view) {
    const selection = win.getSelection();
    const inBox = view.box.contains(doc.activeElement) || doc.activeElement === view.box;
    savedFocus = {
      view,
      inBox,
      range: inBox && !(view.box.nodeName === 'TEXTAREA') && selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null,
    };
  }

  /** @param {View} view */
  function restoreFocus(view) {
    const saved = savedFocus;
    savedFocus = null;
    if (!saved || saved.view !== view || !saved.inBox || !view.box.isConnected) return;
    // The user left the editor with the shortcut; they return to exactly where they were.
    view.box.focus({ preventScroll: true });
    if (saved.range) {
      const selection = win.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved.range);
    }
  }

  /**
   * Shows a finding's card beside the underline nearest `point` (the pointer), or its first one.
   * @param {View} view @param {string} key @param {{byKeyboard?: boolean, point?: {x: number, y: number}}} [options]
   */
  function showCard(view, key, { byKeyboard = false, point } = {}) {
    const hint = view.hint(key);
    if (!hint) return;
    clearTimeout(hideTimer);
    const chipRect = view.chip.rect();
    const hintRect = view.hintRect(key, point);
    setActive(view, key);
    overlay.card.show(view, hint, view.words(hint), hintRect ?? chipRect, { focus: byKeyboard, avoid: hintRect ? chipRect : null });
  }

  function hideCard() {
    const state = overlay.card.state;
    overlay.card.hide();
    if (state && overlay.panel.view !== state.view) setActive(null, null);
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      // Keep the card while the keyboard is in it.
      if (overlay.card.contains(overlay.root.activeElement)) return;
      hideCard();
    }, HOVER_HIDE_MS);
  }

  return {
    /** @param {View} view */
    onChipClick(view) {
      if (overlay.panel.view === view) closePanel();
      else openPanel(view);
    },

    /** The keyboard shortcut: the panel of the box being edited (or the only one) opens or closes; with a reminder shown, it reviews. */
    togglePanel() {
      const remindedView = overlay.reminder.view;
      if (remindedView) {
        review(remindedView, true);
        return;
      }
      if (overlay.panel.view) {
        closePanel({ restore: true });
        return;
      }
      const all = [...views()];
      const view = all.find((v) => v.box === doc.activeElement || v.box.contains(doc.activeElement)) ?? all.find((v) => v.report);
      if (view) openPanel(view, { byKeyboard: true });
    },

    /** @param {View} view */
    onReport(view) {
      if (overlay.reminder.view === view && overlay.reminder.draft !== draftKey(view.text)) overlay.reminder.hide();
      const model = overlay.panel.view === view ? view.panelModel() : null;
      if (model) overlay.panel.update(view, model);
      const state = overlay.card.state;
      if (state?.view === view && !view.hint(state.hint.key)) hideCard();
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        if (view.report || view.tooLong !== null || view.stopped) overlay.announce(view.chip.label);
      }, ANNOUNCE_AFTER_MS);
    },

    /** Pointer moved (at most once a frame): show the card of the underline under it. */
    /** @param {number} x @param {number} y @param {EventTarget[]} path  the event's composed path */
    onPointer(x, y, path) {
      if (path.some((node) => overlay.owns(node))) {
        if (path.includes(overlay.card.element)) clearTimeout(hideTimer);
        return;
      }
      let hit = null;
      for (const view of views()) {
        const hint = view.hitTest(x, y);
        if (hint) {
          hit = { view, key: hint.key };
          break;
        }
      }
      const shown = overlay.card.state;
      if (hit && shown && shown.view === hit.view && shown.hint.key === hit.key) {
        clearTimeout(hideTimer);
        return;
      }
      if (hit) {
        if (pending?.view === hit.view && pending.key === hit.key) return;
        pending = hit;
        clearTimeout(showTimer);
        showTimer = setTimeout(() => {
          pending = null;
          showCard(hit.view, hit.key, { point: { x, y } });
        }, shown ? 0 : HOVER_SHOW_MS);
        return;
      }
      pending = null;
      clearTimeout(showTimer);
      if (shown) scheduleHide();
    },

    onCardLeave: scheduleHide,

    /** @param {View} view @param {string | null} key */
    onHintHover(view, key) {
      setActive(view, key);
    },

    /** @param {View} view @param {string} key @param {boolean} byKeyboard */
    onHintActivate(view, key, byKeyboard) {
      showCard(view, key, { byKeyboard });
    },

    /** A score line's words to highlight in the editor, or none. */
    /** @param {View} view @param {number | null} index */
    onFactorHover(view, index) {
      view.highlightFactor(index);
    },

    /** @param {boolean} byKeyboard */
    onPanelClose(byKeyboard) {
      closePanel({ restore: byKeyboard });
    },

    /**
     * @param {import('./views/card.js').CardAction} action
     * @param {View} view
     * @param {import('./hint-model.js').KeyedHint} hint
     */
    onCardAction(action, view, hint) {
      overlay.card.hide();
      setActive(null, null);
      if (action === 'apply') void view.applyFixes(hint);
      else if (action === 'mute') view.mute(hint.rule);
      else if (action === 'rule-off') turnRuleOff(hint.rule);
    },

    onOpenOptions: openOptions,

    /** The panel's "Reload Rapport" (the engine stopped): the panel closes; the chips come back with the next report. */
    onReloadEngine() {
      closePanel();
      reloadEngine();
    },

    /**
     * The user moves to post the draft of `view`: the reminder, when the draft has a kind the
     * setting turns on and it was not shown for this version of the draft yet. It takes no focus.
     * @param {View} view
     */
    onPostIntent(view) {
      if (view.tooLong !== null || overlay.reminder.view === view) return;
      const found = reminderFor(view.report, view.hints, reminders());
      if (!found) return;
      const draft = draftKey(view.text);
      const shown = reminded.get(view) ?? new Set();
      reminded.set(view, shown);
      if (shown.has(draft)) return;
      shown.add(draft);
      overlay.reminder.show(view, reminderModel(found, view.text, t), draft, () => view.reminderPlace());
    },

    /** The draft of `view` was posted: its reminder has nothing left to say. @param {View} view */
    onPosted(view) {
      if (overlay.reminder.view === view) overlay.reminder.hide();
    },

    /**
     * @param {import('./views/reminder.js').ReminderAction} action
     * @param {View} view
     * @param {boolean} byKeyboard
     */
    onReminderAction(action, view, byKeyboard) {
      if (action === 'review') review(view, byKeyboard);
      else overlay.reminder.hide();
    },

    /** Escape anywhere closes the card, else the reminder (and, from the page, leaves the panel alone). */
    onEscape() {
      if (overlay.card.state) {
        hideCard();
        return true;
      }
      if (overlay.reminder.view) {
        overlay.reminder.hide();
        return true;
      }
      return false;
    },

    /** A view went away. */
    /** @param {View} view */
    forget(view) {
      if (overlay.panel.view === view) closePanel();
      if (overlay.card.state?.view === view) overlay.card.hide();
      if (overlay.reminder.view === view) overlay.reminder.hide();
    },

    place() {
      overlay.panel.place();
      overlay.reminder.place();
    },

    dispose() {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      clearTimeout(announceTimer);
    },
  };
}
