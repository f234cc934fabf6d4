// Content script entry: finds the compose boxes of the current site, watches them, and keeps
// one chip per box in the overlay. Only wiring; the logic lives in the imported modules.

import { PORT_NAME } from '../lib/protocol.js';
import { normalizeSettings, SETTINGS_KEY } from '../lib/settings.js';
import { watchBox } from './box-watcher.js';
import { createOverlay } from './overlay.js';
import { createPortClient } from './port-client.js';
import { editableRootOf, findComposeBoxes, isEligible, siteForHost } from './sites.js';

const api = globalThis.browser ?? globalThis.chrome;
const site = siteForHost(location.hostname);

const client = createPortClient({
  connect: () => {
    const port = api.runtime.connect({ name: PORT_NAME });
    // Reading lastError marks it handled (Chrome logs it otherwise).
    port.onDisconnect.addListener(() => void api.runtime.lastError);
    return port;
  },
});
const t = (key, substitutions) => api.i18n.getMessage(key, substitutions);

let running = false;
let overlay = null;
/** box → watcher */
const watchers = new Map();
let framePending = false;
let rescanPending = false;

function watch(box) {
  if (watchers.has(box) || [...watchers.keys()].some((other) => other.contains(box))) return;
  overlay ??= createOverlay(document);
  watchers.set(
    box,
    watchBox(box, {
      platform: site.platform,
      context: (element) => site.context(element, location),
      client,
      chip: overlay.createChip(),
      t,
      onLayout: requestFrame,
      onError,
    }),
  );
}

function onError(error) {
  console.warn(`Rapport: ${error.message}`);
  // Orphaned (the extension was reloaded or removed): take the chips away and stop listening.
  if (client.closed && running) {
    stop();
    running = false;
  }
}

function unwatch(box) {
  watchers.get(box)?.dispose();
  watchers.delete(box);
}

/** One frame does whatever is pending: rescan for boxes, then place every chip. */
function requestFrame() {
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(() => {
    framePending = false;
    if (rescanPending) {
      rescanPending = false;
      rescan();
    }
    const viewport = { width: innerWidth, height: innerHeight };
    for (const watcher of watchers.values()) watcher.place(viewport);
  });
}

function rescan() {
  for (const box of [...watchers.keys()]) {
    if (!isEligible(box)) unwatch(box);
  }
  for (const box of findComposeBoxes(document, site)) watch(box);
}

const documentObserver = new MutationObserver(() => {
  rescanPending = true;
  requestFrame();
});

/** Generic fallback: a focused editable field the site table does not know. */
function onFocusIn(event) {
  const root = editableRootOf(event.composedPath()[0]);
  if (root && findComposeBoxes(document, site).length === 0) watch(root);
}

function start() {
  documentObserver.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('focusin', onFocusIn, true);
  addEventListener('scroll', requestFrame, { capture: true, passive: true });
  addEventListener('resize', requestFrame, { passive: true });
  rescan();
  requestFrame();
}

function stop() {
  documentObserver.disconnect();
  removeEventListener('focusin', onFocusIn, true);
  removeEventListener('scroll', requestFrame, { capture: true });
  removeEventListener('resize', requestFrame);
  for (const box of [...watchers.keys()]) unwatch(box);
  overlay?.destroy();
  overlay = null;
}

function applySettings(stored) {
  const { settings } = normalizeSettings(stored);
  if (settings.paused && running) stop();
  if (!settings.paused && !running) start();
  running = !settings.paused;
}

if (site) {
  api.storage.sync.get(SETTINGS_KEY).then((items) => applySettings(items[SETTINGS_KEY]));
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && SETTINGS_KEY in changes) applySettings(changes[SETTINGS_KEY].newValue);
  });
}
