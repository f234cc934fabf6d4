// @ts-check
// Content script entry: finds the compose boxes of the current site, watches them, and keeps
// one chip (and its underlines) per box in the overlay; reminds before posting and keeps each
// posted draft's score (never its text) in storage.local. Only wiring; the logic lives in the
// imported modules.

import { dayOf, entryFor } from '../lib/history.js';
import { createHistoryStore } from '../lib/history-store.js';
import { PORT_NAME } from '../lib/protocol.js';
import { remindersOf } from '../lib/reminders.js';
import { normalizeSettings, SETTINGS_KEY, siteEnabled, withRuleOff } from '../lib/settings.js';
import { createSettingsStore } from '../lib/settings-store.js';
import { watchBox } from './box-watcher.js';
import { createOverlay } from './overlay.js';
import { createPortClient } from './port-client.js';
import { createPosting } from './posting.js';
import { probe } from './probe.js';
import { editableRootOf, findComposeBoxes, isEligible, siteForHost, userSite } from './sites.js';
import { createUi } from './ui.js';

const api = globalThis.browser ?? chrome;
/** @type {Map<string, string>} */
const messages = new Map();
/** @type {Map<string, string>} per key and number of substitutions: the message with markers where the substitutions go */
const templates = new Map();
const MARKER = /\u0001(\d+)\u0002/g;
/**
 * i18n lookup, cached: the chip asks on every keystroke. A message with substitutions is fetched
 * once with markers in their place (the browser inserts substitutions literally), then filled in.
 * @type {import('./views/dom.js').Translate}
 */
const t = (key, substitutions) => {
  if (substitutions) {
    const id = `${key}/${substitutions.length}`;
    let template = templates.get(id);
    if (template === undefined) {
      template = api.i18n.getMessage(key, substitutions.map((_, index) => `\u0001${index}\u0002`));
      templates.set(id, template);
    }
    return template.replace(MARKER, (_, /** @type {string} */ index) => substitutions[Number(index)]);
  }
  if (!messages.has(key)) messages.set(key, api.i18n.getMessage(key));
  return /** @type {string} */ (messages.get(key));
};

function run() {
  const host = location.hostname;
  const builtIn = siteForHost(host);

  /** The site's adapter; set before anything starts (start() runs only with one). */
  let site = builtIn;
  const adapter = () => /** @type {import('./sites.js').Site} */ (site);
  let running = false;
  /** @type {import('./overlay.js').Overlay | null} */
  let overlay = null;
  /** @type {ReturnType<typeof createUi> | null} */
  let ui = null;
  /** @type {Map<HTMLElement, import('./box-watcher.js').BoxView>} box → view (box watcher) */
  const watchers = new Map();
  let framePending = false;
  let rescanPending = false;
  /** @type {MouseEvent | null} the latest pointer move, handled once a frame */
  let pointer = null;
  /** The "before you post" reminder's setting. */
  let reminders = remindersOf({});
  const history = createHistoryStore(api.storage.local);
  const posting = createPosting({
    doc: document,
    views: () => watchers.values(),
    site: adapter,
    onIntent: (view) => ui?.onPostIntent(view),
    // Kept on this device: the day, the site, the score and its verdicts; never the text.
    onPosted: (draft) => {
      ui?.onPosted(draft.view);
      history.add(entryFor(draft.report, { site: adapter().id, date: dayOf(new Date()) })).catch(onError);
    },
  });

  const client = createPortClient({
    connect: () => {
      const port = api.runtime.connect({ name: PORT_NAME });
      // Reading lastError marks it handled (Chrome logs it otherwise).
      port.onDisconnect.addListener(() => void api.runtime.lastError);
      return port;
    },
    // The background applied new settings: analyse every box again.
    onNotice: () => refreshAll(),
  });

  /** Read-modify-write of the settings (a card's "turn this rule off"), sizes checked. */
  const settingsStore = createSettingsStore({ area: api.storage.sync, minIntervalMs: 0 });

  /** The overlay and the UI wiring, made with the first compose box. */
  function ensureOverlay() {
    if (overlay && ui) return { overlay, ui };
    /** @type {ReturnType<typeof createUi>} */
    let uiRef;
    const created = createOverlay(document, t, {
      onHintHover: (view, key) => uiRef.onHintHover(view, key),
      onHintActivate: (view, key, byKeyboard) => uiRef.onHintActivate(view, key, byKeyboard),
      onFactorHover: (view, index) => uiRef.onFactorHover(view, index),
      onCardAction: (action, view, hint) => uiRef.onCardAction(action, view, hint),
      onCardLeave: () => uiRef.onCardLeave(),
      onPanelClose: (byKeyboard) => uiRef.onPanelClose(byKeyboard),
      onOpenOptions: () => uiRef.onOpenOptions(),
      onReloadEngine: () => uiRef.onReloadEngine(),
      onReminderAction: (action, view, byKeyboard) => uiRef.onReminderAction(action, view, byKeyboard),
    });
    overlay = created;
    ui = createUi({
      overlay: created,
      views: () => watchers.values(),
      t,
      win: window,
      turnRuleOff: (id) => settingsStore.update((settings) => withRuleOff(settings, id)).catch(onError),
      openOptions: () => api.runtime.sendMessage({ type: 'open-options' }).catch(onError),
      // The background starts the engine again and tells every port: each box analyses again.
      reloadEngine: () => api.runtime.sendMessage({ type: 'restart-engine' }).catch(onError),
      reminders: () => reminders,
    });
    uiRef = ui;
    return { overlay, ui };
  }

  /** @param {HTMLElement} box */
  function watch(box) {
    if (watchers.has(box) || [...watchers.keys()].some((other) => other.contains(box))) return;
    const drawn = ensureOverlay();
    watchers.set(
      box,
      watchBox(box, {
        site: adapter(),
        client,
        overlay: drawn.overlay,
        t,
        onChipClick: (view) => drawn.ui.onChipClick(view),
        onReport: (view) => drawn.ui.onReport(view),
        onLayout: requestFrame,
        onError,
      }),
    );
  }

  /** @param {Error} error */
  function onError(error) {
    console.warn(`Rapport: ${error.message}`);
    // Orphaned (the extension was reloaded or removed): take the chips away and stop listening.
    if (client.closed && running) {
      stop();
      running = false;
    }
  }

  /** @param {HTMLElement} box */
  function unwatch(box) {
    const view = watchers.get(box);
    if (!view) return;
    posting.forget(view);
    ui?.forget(view);
    view.dispose();
    watchers.delete(box);
  }

  function refreshAll() {
    for (const view of watchers.values()) view.refresh();
  }

  /** One frame does whatever is pending: rescan for boxes, place every chip, show a card. */
  function frame() {
    framePending = false;
    if (rescanPending) {
      rescanPending = false;
      rescan();
    }
    const viewport = { width: innerWidth, height: innerHeight };
    for (const view of watchers.values()) view.place(viewport);
    ui?.place();
  }

  const timedFrame = probe.time('layout', frame);

  function requestFrame() {
    if (framePending || !running) return;
    framePending = true;
    requestAnimationFrame(timedFrame);
  }

  function rescan() {
    for (const view of watchers.values()) view.pageChanged();
    for (const box of [...watchers.keys()]) {
      if (!isEligible(box)) unwatch(box);
    }
    for (const box of findComposeBoxes(document, adapter())) watch(box);
  }

  /** Mutations outside the watched editors may add or remove compose boxes. */
  /** @param {MutationRecord[]} records */
  function onDocumentMutations(records) {
    if (rescanPending) return;
    for (const record of records) {
      let inside = false;
      for (const box of watchers.keys()) {
        if (box.contains(record.target)) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        rescanPending = true;
        requestFrame();
        return;
      }
    }
  }
  const documentObserver = new MutationObserver(probe.time('document', onDocumentMutations));

  /** Generic fallback: a focused editable field the adapter does not know. */
  /** @param {FocusEvent} event */
  function onFocusIn(event) {
    const root = editableRootOf(event.composedPath()[0]);
    if (root && findComposeBoxes(document, adapter()).length === 0) watch(root);
  }

  /** @param {MouseEvent} event */
  function onPointerMove(event) {
    if (!event.isTrusted) return; // a page's script moving a "pointer" opens no card
    const first = pointer === null;
    pointer = event;
    if (!first) return;
    requestAnimationFrame(() => {
      const latest = /** @type {MouseEvent} */ (pointer);
      const { clientX, clientY } = latest;
      const path = latest.composedPath();
      pointer = null;
      ui?.onPointer(clientX, clientY, path);
    });
  }

  /** @param {KeyboardEvent} event */
  function onKeyDown(event) {
    // Escape in the page closes a card; inside Rapport's own UI its handlers deal with it.
    if (event.isTrusted && event.key === 'Escape' && !event.composedPath().some((node) => overlay?.owns(node))) ui?.onEscape();
  }

  function start() {
    running = true;
    documentObserver.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('focusin', onFocusIn, true);
    addEventListener('scroll', requestFrame, { capture: true, passive: true });
    addEventListener('resize', requestFrame, { passive: true });
    addEventListener('mousemove', onPointerMove, { capture: true, passive: true });
    addEventListener('keydown', onKeyDown, true);
    posting.start();
    rescan();
    requestFrame();
  }

  function stop() {
    running = false;
    documentObserver.disconnect();
    removeEventListener('focusin', onFocusIn, true);
    removeEventListener('scroll', requestFrame, { capture: true });
    removeEventListener('resize', requestFrame);
    removeEventListener('mousemove', onPointerMove, { capture: true });
    removeEventListener('keydown', onKeyDown, true);
    posting.stop();
    for (const box of [...watchers.keys()]) unwatch(box);
    ui?.dispose();
    overlay?.destroy();
    overlay = null;
    ui = null;
  }

  /** @param {unknown} stored */
  function applySettings(stored) {
    const { settings } = normalizeSettings(stored);
    reminders = remindersOf(settings);
    const enabled = siteEnabled(settings, host, Boolean(builtIn));
    if (!builtIn && enabled) {
      // A host the user enabled: a Mastodon instance, or any site with the generic detector.
      const next = userSite(host, document, settings.sites[host]);
      if (site && site.platform !== next.platform && running) stop();
      site = next;
    }
    const on = Boolean(site) && enabled && !settings.paused;
    if (on && !running) start();
    else if (!on && running) stop();
    else if (on) refreshAll();
  }

  api.storage.sync.get(SETTINGS_KEY).then((items) => applySettings(items[SETTINGS_KEY]));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) applySettings(changes[SETTINGS_KEY].newValue);
  });
  api.runtime.onMessage.addListener((message) => {
    if (message?.type === 'toggle-panel' && running) ui?.togglePanel();
  });
}

// Injected again (the user enabled this site from the popup while it was open): run once.
const loaded = /** @type {{__rapportContentLoaded?: boolean}} */ (globalThis);
if (!loaded.__rapportContentLoaded) {
  loaded.__rapportContentLoaded = true;
  run();
}
