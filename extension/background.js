// @ts-check
// Background (Chrome service worker / Firefox event page): owns the single wasm Engine, answers
// the content scripts over "rapport" ports and the extension pages over one-off messages, relays
// the keyboard shortcut, and registers the content script on the sites the user enabled.
// Logic lives in lib/; this file only wires.

import init, { __wbg_reset_state, initSync, Engine, rules, validate_config_tolerant } from './pkg/rapport.js';
import { createEngineHost } from './lib/engine-host.js';
import { PORT_NAME, settingsAppliedNotice } from './lib/protocol.js';
import { SETTINGS_KEY } from './lib/settings.js';
import { CUSTOM_RULES_PREFIX, joinItems } from './lib/settings-storage.js';
import { userOrigins } from './lib/user-sites.js';

const api = globalThis.browser ?? globalThis.chrome;
const USER_SCRIPT_ID = 'rapport-user-sites';

/**
 * Compiles the engine synchronously (allowed in a worker or an event page): V8's async compile
 * waits on background jobs, which cost ~20 ms more per cold start in Node (./build.sh bench),
 * and a service worker starts cold again after every idle spell. The async path is the fallback.
 */
async function initEngine() {
  try {
    // A file packaged with the extension, not the network.
    const response = await fetch(api.runtime.getURL('pkg/rapport_bg.wasm'));
    initSync({ module: new WebAssembly.Module(await response.arrayBuffer()) });
  } catch (error) {
    console.warn(`Rapport: synchronous wasm compile failed (${/** @type {Error} */ (error).message}); compiling asynchronously`);
    await init({ module_or_path: api.runtime.getURL('pkg/rapport_bg.wasm') });
  }
}

/** The stored settings, their custom rules joined back from their items. */
const readSettings = async () => joinItems(await api.storage.sync.get(null)).stored;

const host = createEngineHost({
  init: initEngine,
  Engine,
  // A fresh instance of the compiled module after a trap (the glue is generated with
  // wasm-bindgen's reset-state function: tools/bindgen).
  reset: __wbg_reset_state,
  readSettings,
  warn: (message) => console.warn(message),
  checkConfig: validate_config_tolerant,
  listRules: rules,
});

/** Open ports, told when new settings are in force so their tabs analyse again. */
const ports = new Set();

// Listeners are registered synchronously so the worker wakes for them.
api.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  let connected = true;
  ports.add(port);
  port.onDisconnect.addListener(() => {
    connected = false;
    ports.delete(port);
  });
  // Request ids are this port's content script's own: a re-sent one is answered, not re-analysed.
  const session = host.session();
  port.onMessage.addListener(async (message) => {
    const reply = await host.handle(message, session);
    if (connected) port.postMessage(reply);
  });
});

/** Tells every open tab to analyse again (new settings, or an engine started again). */
function noticeAll() {
  for (const port of ports) {
    try {
      port.postMessage(settingsAppliedNotice());
    } catch {
      ports.delete(port);
    }
  }
}

api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'sync' || !Object.keys(changes).some((key) => key === SETTINGS_KEY || key.startsWith(CUSTOM_RULES_PREFIX))) return;
  await host.applySettings(await readSettings());
  noticeAll();
});

/**
 * @param {import('./lib/protocol.js').PageMessage} message
 * @param {chrome.runtime.MessageSender} sender
 */
async function answer(message, sender) {
  // Only the extension's own pages and content scripts talk to the background.
  if (sender.id !== api.runtime.id) return { error: 'unknown sender' };
  switch (message?.type) {
    case 'rules':
      return { rules: await host.rules() };
    case 'check':
      return { ignored: await host.check(message.engine) };
    case 'status':
      return { status: host.status() };
    case 'restart-engine':
      await host.restart();
      noticeAll();
      return { status: host.status() };
    case 'open-options':
      await api.runtime.openOptionsPage();
      return {};
    default:
      return { error: `unknown message ${JSON.stringify(/** @type {{type?: unknown}} */ (message)?.type)}` };
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  answer(message, sender).then(sendResponse, (error) => sendResponse({ error: error.message }));
  return true;
});

// The keyboard shortcut (commands): the active tab's content script shows or hides its panel.
api.commands?.onCommand.addListener(async (command) => {
  if (command !== 'toggle-panel') return;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) api.tabs.sendMessage(tab.id, { type: 'toggle-panel' }).catch(() => {});
});

/** The content script runs on every origin the user granted from the popup. */
async function syncUserSites() {
  if (!api.scripting?.registerContentScripts) return;
  const { origins = [] } = await api.permissions.getAll();
  const matches = userOrigins(origins, api.runtime.getManifest());
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
    return;
  }
  /** @type {chrome.scripting.RegisteredContentScript} */
  const script = { id: USER_SCRIPT_ID, matches, js: ['build/content.js'], runAt: 'document_idle', allFrames: false };
  if (existing.length > 0) await api.scripting.updateContentScripts([script]);
  else await api.scripting.registerContentScripts([script]);
}
const syncQuietly = () => syncUserSites().catch((error) => console.warn(`Rapport: ${/** @type {Error} */ (error).message}`));
api.permissions.onAdded.addListener(syncQuietly);
api.permissions.onRemoved.addListener(syncQuietly);
api.runtime.onInstalled.addListener(syncQuietly);
api.runtime.onStartup.addListener(syncQuietly);
