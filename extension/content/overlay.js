// @ts-check
// The one <rapport-overlay> element (open shadow root, under <html>) that holds everything
// Rapport draws: chips, underlines, the panel, the card and the screen-reader summary, each a
// view under views/. It never touches the editors: everything is positioned with fixed
// coordinates from their rects.

import { OVERLAY_CSS } from './overlay.css.js';
import { createAnnouncer } from './views/announcer.js';
import { createCard } from './views/card.js';
import { createChip } from './views/chip.js';
import { keepFocus, makeH } from './views/dom.js';
import { createPanel } from './views/panel.js';
import { createReminder } from './views/reminder.js';
import { createUnderlines } from './views/underlines.js';

/**
 * @param {Document} doc
 * @param {import('./views/dom.js').Translate} t
 * @param {import('./views/panel.js').PanelHandlers & import('./views/card.js').CardHandlers & import('./views/reminder.js').ReminderHandlers} handlers
 *   onHintHover(view, key|null), onHintActivate(view, key, byKeyboard), onCardAction(action, view,
 *   hint), onCardLeave(), onPanelClose(byKeyboard), onOpenOptions(), onReminderAction(action, view, byKeyboard)
 */
export function createOverlay(doc, t, handlers) {
  const win = /** @type {Window} */ (doc.defaultView);
  const h = makeH(doc, { userOnly: true }); // the page's scripts cannot operate Rapport's UI
  const host = doc.createElement('rapport-overlay');
  const root = host.attachShadow({ mode: 'open' });
  // A constructable stylesheet: a <style> element could be blocked by the page's style-src.
  const sheet = new (/** @type {typeof CSSStyleSheet} */ (/** @type {any} */ (win).CSSStyleSheet))();
  sheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [sheet];
  const layer = h('div', { className: 'layer', dataset: { rapport: 'layer' } });
  const live = createAnnouncer(h);
  const panelElement = h('div', { className: 'popover', role: 'dialog', 'aria-label': t('panelTitle'), dataset: { rapport: 'panel' }, hidden: true });
  const cardElement = h('div', { className: 'popover', role: 'dialog', 'aria-label': t('cardTitle'), dataset: { rapport: 'card' }, hidden: true });
  const chips = h('div', { className: 'chips' });
  const reminderElement = h('div', { role: 'status', 'aria-live': 'polite', dataset: { rapport: 'reminder', open: 'false' } });
  root.append(layer, chips, reminderElement, panelElement, cardElement, live.element);
  doc.documentElement.append(host);
  for (const element of [panelElement, cardElement]) element.addEventListener('mousedown', keepFocus);
  const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
  const panel = createPanel({ h, t, root, element: panelElement, handlers, viewport });
  const card = createCard({ h, t, element: cardElement, handlers, viewport, panel });
  const reminder = createReminder({ h, t, element: reminderElement, handlers, viewport });

  return {
    root,
    /** A box's chip. @param {() => void} onClick */
    createChip: (onClick) => createChip({ h, t, container: chips, onClick }),
    /** A box's underlines. */
    createUnderlines: () => createUnderlines({ h, layer }),
    panel,
    card,
    reminder,
    announce: live.announce,
    /**
     * True if `node` (from an event's composed path) is part of Rapport's UI.
     * @param {EventTarget} node
     */
    owns: (node) => node === host || root.contains(/** @type {Node} */ (node)),
    destroy() {
      host.remove();
    },
  };
}

/** @typedef {ReturnType<typeof createOverlay>} Overlay */
